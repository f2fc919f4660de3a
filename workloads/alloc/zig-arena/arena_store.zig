//! The arena tier's Store (workloads/alloc/shared/zig/store.zig): one std.heap.ArenaAllocator
//! over page_allocator, reset with retain_capacity whenever the structure
//! built in it is released, so after the first few iterations it maps no
//! more pages.

const std = @import("std");
const Allocator = std.mem.Allocator;

pub const ArenaStore = struct {
    arena: std.heap.ArenaAllocator,

    pub const frees_each_block = false;

    pub fn init() ArenaStore {
        return .{ .arena = .init(std.heap.page_allocator) };
    }

    /// The arena must not move while its allocator is in use.
    pub fn allocator(s: *ArenaStore) Allocator {
        return s.arena.allocator();
    }

    /// Drops everything allocated since the last release in one step.
    pub fn release(s: *ArenaStore, _: anytype) void {
        // false only means the arena could not merge its pages into one
        // block; it has still dropped everything and stays usable.
        _ = s.arena.reset(.retain_capacity);
    }

    pub fn deinit(s: *ArenaStore) void {
        s.arena.deinit();
    }
};

test "ArenaStore reuses its memory after a release" {
    var s = ArenaStore.init();
    defer s.deinit();
    const first = try s.allocator().alloc(u64, 100);
    s.release(first);
    const capacity = s.arena.queryCapacity();
    try std.testing.expect(capacity >= 100 * @sizeOf(u64));
    const again = try s.allocator().alloc(u64, 100);
    // The same place, and no new pages.
    try std.testing.expectEqual(first.ptr, again.ptr);
    try std.testing.expectEqual(capacity, s.arena.queryCapacity());
}
