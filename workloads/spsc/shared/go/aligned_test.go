package spscsuite

import (
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

func TestControlBlockLayout(t *testing.T) {
	var c control
	if off := unsafe.Offsetof(c.done); off != BlockSize {
		t.Errorf("done at offset %d, want %d", off, BlockSize)
	}
	if size := unsafe.Sizeof(c); size != 2*BlockSize {
		t.Errorf("control is %d bytes, want %d", size, 2*BlockSize)
	}
	// Many allocations, so a lucky one cannot hide a missing alignment.
	for range 100 {
		_ = make([]byte, 40) // shift the allocator's next free slot
		if p := uintptr(unsafe.Pointer(NewAligned[control]())); p%BlockSize != 0 {
			t.Fatalf("control block at %#x, not on a %d-byte boundary", p, BlockSize)
		}
	}
}

func TestNewSlotsAligned(t *testing.T) {
	for _, n := range []int{2, 4, 16, 1024, 1 << 16} {
		for range 20 {
			_ = make([]uint64, 5)
			s := NewSlots(n)
			p := uintptr(unsafe.Pointer(&s[0]))
			if p%BlockSize != 0 || len(s) != n || cap(s) != n {
				t.Fatalf("NewSlots(%d) at %#x with len %d cap %d", n, p, len(s), cap(s))
			}
			// The block after the last slot is inside the same allocation.
			full := unsafe.Slice(&s[0], n+BlockSize/8)
			full[n+BlockSize/8-1] = 1
		}
	}
}

func TestNewAlignedRefuses(t *testing.T) {
	type withPointer struct {
		p *int
		_ [BlockSize - 8]byte
	}
	type short struct{ v uint64 }
	for name, f := range map[string]func(){
		"pointers": func() { NewAligned[withPointer]() },
		"blocks":   func() { NewAligned[short]() },
	} {
		func() {
			defer func() {
				if r, _ := recover().(string); !strings.Contains(r, name) {
					t.Errorf("NewAligned panicked with %q, want a message about %s", r, name)
				}
			}()
			f()
		}()
	}
}

func TestHasPointers(t *testing.T) {
	type flat struct {
		a uint64
		b [3]struct{ c bool }
	}
	type nested struct {
		a [2]struct{ s []int }
	}
	for _, c := range []struct {
		v    any
		want bool
	}{{flat{}, false}, {control{}, false}, {nested{}, true}, {"", true}, {[0]*int{}, false}} {
		if got := hasPointers(reflect.TypeOf(c.v)); got != c.want {
			t.Errorf("hasPointers(%T) = %v, want %v", c.v, got, c.want)
		}
	}
}
