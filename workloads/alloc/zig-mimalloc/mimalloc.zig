//! An std.mem.Allocator over Debian's libmimalloc 2.0.9 (linked with
//! -lc -lmimalloc): mimalloc's aligned entry points take Zig's alignment
//! as it is, so no over-allocation or header is needed.

const std = @import("std");
const Allocator = std.mem.Allocator;
const Alignment = std.mem.Alignment;

extern fn mi_malloc_aligned(size: usize, alignment: usize) ?*anyopaque;
extern fn mi_realloc_aligned(p: *anyopaque, new_size: usize, alignment: usize) ?*anyopaque;
extern fn mi_expand(p: *anyopaque, new_size: usize) ?*anyopaque;
extern fn mi_free(p: *anyopaque) void;
pub extern fn mi_version() c_int;
pub extern fn mi_is_in_heap_region(p: *const anyopaque) bool;

pub const allocator: Allocator = .{
    .ptr = undefined,
    .vtable = &.{ .alloc = alloc, .resize = resize, .remap = remap, .free = free },
};

fn alloc(_: *anyopaque, len: usize, alignment: Alignment, _: usize) ?[*]u8 {
    return @ptrCast(mi_malloc_aligned(len, alignment.toByteUnits()));
}

/// In place only: mi_expand succeeds when the block's usable size already
/// holds `new_len` (any shrink does).
fn resize(_: *anyopaque, memory: []u8, _: Alignment, new_len: usize, _: usize) bool {
    return mi_expand(memory.ptr, new_len) != null;
}

fn remap(_: *anyopaque, memory: []u8, alignment: Alignment, new_len: usize, _: usize) ?[*]u8 {
    return @ptrCast(mi_realloc_aligned(memory.ptr, new_len, alignment.toByteUnits()));
}

fn free(_: *anyopaque, memory: []u8, _: Alignment, _: usize) void {
    mi_free(memory.ptr);
}

test "the allocator passes std's allocator tests" {
    try std.heap.testAllocator(allocator);
    try std.heap.testAllocatorAligned(allocator);
    try std.heap.testAllocatorLargeAlignment(allocator);
    try std.heap.testAllocatorAlignedShrink(allocator);
}

test "blocks really come from mimalloc 2.0.9" {
    try std.testing.expectEqual(@as(c_int, 209), mi_version());
    const node = try allocator.create([2]?*anyopaque);
    defer allocator.destroy(node);
    try std.testing.expect(mi_is_in_heap_region(node));
    // A block of Zig's own page allocator is not mimalloc's.
    const page = try std.heap.page_allocator.alloc(u8, 4096);
    defer std.heap.page_allocator.free(page);
    try std.testing.expect(!mi_is_in_heap_region(page.ptr));
}

test "remap keeps the contents and the alignment" {
    const block = try allocator.alignedAlloc(u8, .@"64", 100);
    @memset(block, 0xAB);
    const grown = allocator.remap(block, 100_000) orelse return error.RemapFailed;
    try std.testing.expect(std.mem.isAligned(@intFromPtr(grown.ptr), 64));
    try std.testing.expect(std.mem.allEqual(u8, grown[0..100], 0xAB));
    allocator.free(grown);
}
