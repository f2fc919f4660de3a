//! alloc suite (see ../SPEC.md), arena tier written by hand: a
//! single-threaded bump arena (bump_arena.zig) over std.heap.page_allocator,
//! because 0.17's std.heap.ArenaAllocator pays for thread safety with
//! atomic read-modify-writes on every allocation (zig-arena measures that
//! one). binary-trees and request-arena only; the operations are in shared/.

const std = @import("std");
const suite = @import("shared/suite.zig");
const BumpStore = @import("bump_store.zig").BumpStore;

pub fn main(init: std.process.Init) void {
    suite.main(init, BumpStore, .{});
}

test {
    _ = @import("bump_arena.zig");
    _ = suite;
}
