//! The suite's random stream (../../SPEC.md, "The random stream"). The
//! standard library's SplitMix64 is exactly the SPEC's generator; the test
//! pins that down, so a change in std cannot silently change the stream.

const std = @import("std");

pub const SplitMix64 = std.Random.SplitMix64;

test "SplitMix64 gives the SPEC's first outputs for seed 0" {
    var r: SplitMix64 = .init(0);
    try std.testing.expectEqual(@as(u64, 0xE220A8397B1DCDAF), r.next());
    try std.testing.expectEqual(@as(u64, 0x6E789E6AA1B965F4), r.next());
    try std.testing.expectEqual(@as(u64, 0x06C45D188009454F), r.next());
}
