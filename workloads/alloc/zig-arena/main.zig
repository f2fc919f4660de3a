//! alloc suite (see ../SPEC.md), arena tier: std.heap.ArenaAllocator over
//! std.heap.page_allocator (arena_store.zig); binary-trees and
//! request-arena only. The operations are in shared/.

const std = @import("std");
const suite = @import("shared/suite.zig");
const ArenaStore = @import("arena_store.zig").ArenaStore;

pub fn main(init: std.process.Init) void {
    suite.main(init, ArenaStore, .{});
}

test {
    _ = @import("arena_store.zig");
    _ = suite;
}
