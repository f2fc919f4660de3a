//! spsc suite (see ../SPEC.md) on a ring guarded by std.Io.Mutex and
//! std.Io.Condition (mutex_ring.zig); the driver shared by the Zig variants
//! is in shared/.

const std = @import("std");
const driver = @import("shared/driver.zig");
const MutexRing = @import("mutex_ring.zig").MutexRing;

pub fn main(init: std.process.Init) void {
    driver.main(init, MutexRing);
}

test {
    _ = @import("mutex_ring.zig");
    _ = driver;
}
