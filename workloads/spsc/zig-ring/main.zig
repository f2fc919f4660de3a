//! spsc suite (see ../SPEC.md) on the suite's hand-written ring
//! (ring.zig); the driver shared by the Zig variants is in shared/.

const std = @import("std");
const driver = @import("shared/driver.zig");
const Ring = @import("ring.zig").Ring;

pub fn main(init: std.process.Init) void {
    driver.main(init, Ring);
}

test {
    _ = @import("ring.zig");
    _ = driver;
}
