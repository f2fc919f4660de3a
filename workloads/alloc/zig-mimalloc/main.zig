//! alloc suite (see ../SPEC.md), mimalloc tier: every block from Debian's
//! libmimalloc 2.0.9 through the std.mem.Allocator in mimalloc.zig, freed
//! one by one. The operations are in shared/.

const std = @import("std");
const suite = @import("shared/suite.zig");
const Individually = @import("shared/store.zig").Individually;
const mimalloc = @import("mimalloc.zig");

pub fn main(init: std.process.Init) void {
    // The library actually loaded, not the header the code was written against.
    suite.main(init, Individually(mimalloc.allocator), .{ .mimalloc_version = mimalloc.mi_version() });
}

test {
    _ = mimalloc;
    _ = suite;
}
