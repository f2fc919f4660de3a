//! A `GlobalAlloc` over the system's libmimalloc (Debian's 2.0.9, the
//! build the C++ and Zig tiers link too). The `mimalloc` crate is not used:
//! it compiles its own bundled mimalloc 3.x.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::{c_int, c_void};

#[link(name = "mimalloc")]
unsafe extern "C" {
    fn mi_malloc_aligned(size: usize, alignment: usize) -> *mut c_void;
    fn mi_zalloc_aligned(size: usize, alignment: usize) -> *mut c_void;
    fn mi_realloc_aligned(p: *mut c_void, newsize: usize, alignment: usize) -> *mut c_void;
    fn mi_free(p: *mut c_void);
    /// The library's version, e.g. 209 for 2.0.9.
    safe fn mi_version() -> c_int;
}

/// The version of the libmimalloc this process runs with.
pub fn version() -> u64 {
    // Never negative: major * 100 + minor * 10 + patch.
    mi_version() as u64
}

/// Every allocation goes to libmimalloc with its layout's alignment; each
/// call returns null on failure, as `GlobalAlloc` expects.
pub struct MiMalloc;

unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        mi_malloc_aligned(layout.size(), layout.align()).cast()
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        mi_zalloc_aligned(layout.size(), layout.align()).cast()
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _: Layout) {
        mi_free(ptr.cast());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_linked_library_is_debians_2_0_9() {
        assert_eq!(version(), 209);
    }

    #[test]
    fn allocations_keep_their_alignment_contents_and_zeroes() {
        unsafe {
            let layout = Layout::from_size_align(100, 64).unwrap();
            let p = MiMalloc.alloc_zeroed(layout);
            assert!(!p.is_null());
            assert_eq!(p as usize % 64, 0);
            assert!(std::slice::from_raw_parts(p, 100).iter().all(|&b| b == 0));
            p.write_bytes(7, 100);
            let q = MiMalloc.realloc(p, layout, 5000);
            assert_eq!(q as usize % 64, 0);
            assert!(std::slice::from_raw_parts(q, 100).iter().all(|&b| b == 7));
            MiMalloc.dealloc(q, Layout::from_size_align(5000, 64).unwrap());
        }
    }
}
