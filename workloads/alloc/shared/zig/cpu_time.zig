//! The process's CPU time (user + system), for cpu_per_iteration_ns
//! (../../SPEC.md): next to wall time it shows work done on other threads.

const std = @import("std");
const linux = std.os.linux;

/// getrusage(RUSAGE_SELF)'s user + system time, in nanoseconds.
pub fn processNs() error{GetrusageFailed}!u64 {
    var usage: linux.rusage = undefined;
    if (linux.errno(linux.getrusage(linux.rusage.SELF, &usage)) != .SUCCESS) return error.GetrusageFailed;
    return timevalNs(usage.utime) + timevalNs(usage.stime);
}

fn timevalNs(t: linux.timeval) u64 {
    return @as(u64, @intCast(t.sec)) * std.time.ns_per_s + @as(u64, @intCast(t.usec)) * std.time.ns_per_us;
}

test processNs {
    const before = try processNs();
    // Some tens of milliseconds of CPU work, so the count must move.
    var x: u64 = 1;
    for (0..50_000_000) |i| {
        x = x *% 6364136223846793005 +% i;
        std.mem.doNotOptimizeAway(x);
    }
    try std.testing.expect(try processNs() > before);
}

test timevalNs {
    try std.testing.expectEqual(@as(u64, 2_000_003_000), timevalNs(.{ .sec = 2, .usec = 3 }));
}
