//! A single-threaded bump arena: chunks from a child allocator, each
//! allocation one aligned add and compare on the current chunk, no atomics.
//! `reset` keeps every chunk and starts refilling from the first, so a
//! workload that resets between rounds of the same size stops asking the
//! child for memory after the first round.

const std = @import("std");
const Allocator = std.mem.Allocator;
const Alignment = std.mem.Alignment;

pub const BumpArena = struct {
    child: Allocator,
    /// Every chunk obtained so far, oldest first.
    first: ?*Chunk = null,
    current: ?*Chunk = null,
    /// The free part of the current chunk: addresses [cursor, end).
    cursor: usize = 0,
    end: usize = 0,

    /// The head of each chunk; the chunk's memory follows it.
    const Chunk = struct {
        next: ?*Chunk,
        /// Bytes, this header included.
        len: usize,
    };

    const min_chunk_len = 64 * 1024;

    pub fn init(child: Allocator) BumpArena {
        return .{ .child = child };
    }

    /// Gives every chunk back to the child allocator.
    pub fn deinit(arena: *BumpArena) void {
        var it = arena.first;
        while (it) |chunk| {
            it = chunk.next;
            arena.child.rawFree(@as([*]u8, @ptrCast(chunk))[0..chunk.len], .of(Chunk), @returnAddress());
        }
        arena.* = .init(arena.child);
    }

    /// Drops every allocation at once; the chunks are kept for reuse.
    pub fn reset(arena: *BumpArena) void {
        if (arena.first) |chunk| arena.enter(chunk);
    }

    /// The arena must not move while the allocator is in use.
    pub fn allocator(arena: *BumpArena) Allocator {
        return .{ .ptr = arena, .vtable = &.{ .alloc = alloc, .resize = resize, .remap = remap, .free = free } };
    }

    /// The total size of the chunks held, headers included.
    pub fn capacity(arena: *const BumpArena) usize {
        var total: usize = 0;
        var it = arena.first;
        while (it) |chunk| : (it = chunk.next) total += chunk.len;
        return total;
    }

    fn enter(arena: *BumpArena, chunk: *Chunk) void {
        arena.current = chunk;
        arena.cursor = @intFromPtr(chunk) + @sizeOf(Chunk);
        arena.end = @intFromPtr(chunk) + chunk.len;
    }

    /// `n` bytes from the current chunk, if they fit.
    inline fn bump(arena: *BumpArena, n: usize, alignment: Alignment) ?[*]u8 {
        const start = alignment.forward(arena.cursor);
        // Two compares, so no sum can overflow.
        if (start > arena.end or n > arena.end - start) return null;
        arena.cursor = start + n;
        return @ptrFromInt(start);
    }

    fn alloc(ctx: *anyopaque, n: usize, alignment: Alignment, _: usize) ?[*]u8 {
        const arena: *BumpArena = @ptrCast(@alignCast(ctx));
        return arena.bump(n, alignment) orelse arena.allocSlow(n, alignment);
    }

    fn allocSlow(arena: *BumpArena, n: usize, alignment: Alignment) ?[*]u8 {
        @branchHint(.cold);
        // The chunks kept by a reset first, in order (one too small for
        // this request is skipped until the next reset).
        while (arena.current) |chunk| {
            arena.enter(chunk.next orelse break);
            if (arena.bump(n, alignment)) |p| return p;
        }
        // Then a new chunk at the end, at least twice the last one, so the
        // number of chunks grows with the log of the memory used.
        const last_len = if (arena.current) |chunk| chunk.len else 0;
        const needed = std.math.add(usize, @sizeOf(Chunk) + alignment.toByteUnits(), n) catch return null;
        const len = std.mem.alignForward(usize, @max(min_chunk_len, 2 * last_len, needed), std.heap.pageSize());
        const chunk: *Chunk = @ptrCast(@alignCast(arena.child.rawAlloc(len, .of(Chunk), @returnAddress()) orelse return null));
        chunk.* = .{ .next = null, .len = len };
        if (arena.current) |last| last.next = chunk else arena.first = chunk;
        arena.enter(chunk);
        return arena.bump(n, alignment).?;
    }

    /// Only the most recent allocation can grow; any can shrink.
    fn resize(ctx: *anyopaque, memory: []u8, _: Alignment, new_len: usize, _: usize) bool {
        const arena: *BumpArena = @ptrCast(@alignCast(ctx));
        const start = @intFromPtr(memory.ptr);
        if (start + memory.len != arena.cursor) return new_len <= memory.len;
        if (new_len > arena.end - start) return false;
        arena.cursor = start + new_len;
        return true;
    }

    fn remap(ctx: *anyopaque, memory: []u8, alignment: Alignment, new_len: usize, ret_addr: usize) ?[*]u8 {
        return if (resize(ctx, memory, alignment, new_len, ret_addr)) memory.ptr else null;
    }

    /// Gives the most recent allocation back; any other waits for reset.
    fn free(ctx: *anyopaque, memory: []u8, _: Alignment, _: usize) void {
        const arena: *BumpArena = @ptrCast(@alignCast(ctx));
        if (@intFromPtr(memory.ptr) + memory.len == arena.cursor) arena.cursor = @intFromPtr(memory.ptr);
    }
};

test "the arena passes std's allocator tests" {
    var arena: BumpArena = .init(std.testing.allocator);
    defer arena.deinit();
    try std.heap.testAllocator(arena.allocator());
    try std.heap.testAllocatorAligned(arena.allocator());
    try std.heap.testAllocatorLargeAlignment(arena.allocator());
    try std.heap.testAllocatorAlignedShrink(arena.allocator());
}

test "allocations are adjacent, aligned, and the last one can be freed or resized in place" {
    var arena: BumpArena = .init(std.testing.allocator);
    defer arena.deinit();
    const a = arena.allocator();
    const x = try a.alloc(u8, 3);
    const y = try a.create(u64);
    // y starts at the next multiple of 8 after x.
    try std.testing.expectEqual(std.mem.alignForward(usize, @intFromPtr(x.ptr) + 3, 8), @intFromPtr(y));
    // Freeing the last allocation gives its place to the next one.
    a.destroy(y);
    const w = try a.alloc(u8, 5);
    try std.testing.expectEqual(@intFromPtr(y), @intFromPtr(w.ptr));
    try std.testing.expect(a.resize(w, 100));
    const z = try a.alloc(u8, 1);
    try std.testing.expectEqual(@intFromPtr(w.ptr) + 100, @intFromPtr(z.ptr));
    // w is no longer the last: it may shrink but not grow.
    try std.testing.expect(a.resize(w.ptr[0..100], 50));
    try std.testing.expect(!a.resize(w.ptr[0..50], 200));
}

test "reset refills the kept chunks in order and asks the child for nothing more" {
    var arena: BumpArena = .init(std.testing.allocator);
    defer arena.deinit();
    const a = arena.allocator();
    // Three rounds of the same allocations, over several chunks.
    var firsts: [3]usize = undefined;
    var lasts: [3]usize = undefined;
    var capacities: [3]usize = undefined;
    for (0..3) |round| {
        firsts[round] = @intFromPtr(try a.create([64]u8));
        for (0..10_000) |_| lasts[round] = @intFromPtr(try a.create([64]u8));
        capacities[round] = arena.capacity();
        arena.reset();
    }
    try std.testing.expect(arena.first.?.next != null); // more than one chunk
    for (1..3) |round| {
        try std.testing.expectEqual(firsts[0], firsts[round]);
        try std.testing.expectEqual(lasts[0], lasts[round]);
        try std.testing.expectEqual(capacities[0], capacities[round]);
    }
}

test "a request larger than any kept chunk gets a new chunk at the end" {
    var arena: BumpArena = .init(std.testing.allocator);
    defer arena.deinit();
    const a = arena.allocator();
    _ = try a.alloc(u8, 10);
    arena.reset();
    const big = try a.alloc(u8, 1 << 20);
    try std.testing.expect(arena.first.?.next != null);
    try std.testing.expectEqual(arena.current.?, arena.first.?.next.?);
    try std.testing.expect(@intFromPtr(big.ptr) > @intFromPtr(arena.current.?));
    try std.testing.expect(arena.capacity() >= (1 << 20) + min_chunk_len_for_test);
}

const min_chunk_len_for_test = BumpArena.min_chunk_len;
