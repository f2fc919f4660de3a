//! alloc suite (see ../SPEC.md), default tier: every block from
//! std.heap.smp_allocator, Zig's general-purpose allocator for ReleaseFast
//! builds (no libc), freed one by one. The operations are in shared/.

const std = @import("std");
const suite = @import("shared/suite.zig");
const Individually = @import("shared/store.zig").Individually;

pub fn main(init: std.process.Init) void {
    suite.main(init, Individually(std.heap.smp_allocator), .{});
}

test {
    _ = suite;
}
