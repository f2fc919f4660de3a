//! The arena-bump tier's Store (workloads/alloc/shared/zig/store.zig): one BumpArena
//! (bump_arena.zig) over page_allocator, reset whenever the structure
//! built in it is released.

const std = @import("std");
const Allocator = std.mem.Allocator;
const BumpArena = @import("bump_arena.zig").BumpArena;

pub const BumpStore = struct {
    arena: BumpArena,

    pub const frees_each_block = false;

    pub fn init() BumpStore {
        return .{ .arena = .init(std.heap.page_allocator) };
    }

    /// The arena must not move while its allocator is in use.
    pub fn allocator(s: *BumpStore) Allocator {
        return s.arena.allocator();
    }

    /// Drops everything allocated since the last release in one step.
    pub fn release(s: *BumpStore, _: anytype) void {
        s.arena.reset();
    }

    pub fn deinit(s: *BumpStore) void {
        s.arena.deinit();
    }
};
