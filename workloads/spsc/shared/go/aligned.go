package spscsuite

import (
	"fmt"
	"reflect"
	"unsafe"
)

// BlockSize is the unit of padding: every index or flag one thread writes
// and the other reads sits alone in a block of this size at a multiple of
// it. x86-64's adjacent-line prefetcher fetches 64-byte lines in pairs, so
// 64 would still let two neighbours' writes collide; the SPEC fixes 128.
const BlockSize = 128

// NewAligned returns a zeroed T that starts at a BlockSize boundary. T's
// size must be a whole number of blocks (so it also ends at one), and T
// must hold no pointers: its memory is part of a []byte, which the garbage
// collector does not scan. Go's allocator promises no alignment beyond 8
// bytes, so the block is carved out of a larger byte slice.
func NewAligned[T any]() *T {
	t := reflect.TypeFor[T]()
	if t.Size() == 0 || t.Size()%BlockSize != 0 {
		panic(fmt.Sprintf("spscsuite.NewAligned: %v is %d bytes, not a whole number of %d-byte blocks", t, t.Size(), BlockSize))
	}
	if hasPointers(t) {
		panic(fmt.Sprintf("spscsuite.NewAligned: %v holds pointers, which the garbage collector would not see", t))
	}
	buf := make([]byte, t.Size()+BlockSize-1)
	return (*T)(unsafe.Pointer(&buf[blockOffset(unsafe.Pointer(&buf[0]))]))
}

// NewSlots returns n zeroed uint64s starting at a BlockSize boundary and
// followed by at least one block that nothing else uses, so that no other
// data shares a block with any slot.
func NewSlots(n int) []uint64 {
	const perBlock = BlockSize / 8
	buf := make([]uint64, n+2*perBlock-1)
	off := int(blockOffset(unsafe.Pointer(&buf[0])) / 8)
	return buf[off : off+n : off+n]
}

// blockOffset is how many bytes past p the next BlockSize boundary is.
func blockOffset(p unsafe.Pointer) uintptr {
	return -uintptr(p) & (BlockSize - 1)
}

// hasPointers reports whether a value of type t holds any pointer.
func hasPointers(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return false
	case reflect.Array:
		return t.Len() > 0 && hasPointers(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if hasPointers(t.Field(i).Type) {
				return true
			}
		}
		return false
	default:
		return true
	}
}
