//! The latency histogram of ../../../spsc/SPEC.md (copied, not shared
//! across suites), here for churn's batch times: values below 64 ns exact,
//! above that 32 buckets per power of two.

const std = @import("std");

pub const bucket_count = 1920;

/// The bucket of a value `v` (ns).
pub fn bucketOf(v: u64) usize {
    if (v < 64) return @intCast(v);
    const e: u6 = @intCast(63 - @clz(v)); // floor(log2 v), 6 … 63
    const s = (v >> (e - 5)) & 31;
    return 64 + (@as(usize, e) - 6) * 32 + @as(usize, @intCast(s));
}

/// The smallest value that falls in bucket `b`.
pub fn lowerBound(b: usize) u64 {
    if (b < 64) return b;
    const e: u6 = @intCast(6 + (b - 64) / 32);
    const s: u64 = (b - 64) % 32;
    return (32 + s) << (e - 5);
}

/// The counters churn reports after its timed samples.
pub const Counters = struct {
    churn_batch_p50_ns: u64,
    churn_batch_p99_ns: u64,
    churn_batch_p999_ns: u64,
    churn_batch_max_ns: u64,
    churn_batches: u64,
};

pub const Histogram = struct {
    buckets: [bucket_count]u64 = @splat(0),
    count: u64 = 0,
    max: u64 = 0,

    pub fn record(h: *Histogram, v: u64) void {
        h.buckets[bucketOf(v)] += 1;
        h.count += 1;
        h.max = @max(h.max, v);
    }

    pub fn reset(h: *Histogram) void {
        h.* = .{};
    }

    /// The lower bound of the first bucket at which the running count
    /// reaches ceil(q · count) (at least 1), with q = `thousandths`/1000.
    /// Integer arithmetic, so ceil(0.999 · 1000) is 999, as in exact
    /// arithmetic (0.999 · 1000 in binary floating point is not 999).
    /// 0 when nothing was recorded.
    pub fn quantile(h: *const Histogram, thousandths: u64) u64 {
        if (h.count == 0) return 0;
        const rank = @max(1, std.math.divCeil(u128, @as(u128, h.count) * thousandths, 1000) catch unreachable);
        var running: u128 = 0;
        for (h.buckets, 0..) |n, b| {
            running += n;
            if (running >= rank) return lowerBound(b);
        }
        unreachable; // the buckets sum to count, and rank ≤ count
    }

    pub fn counters(h: *const Histogram) Counters {
        return .{
            .churn_batch_p50_ns = h.quantile(500),
            .churn_batch_p99_ns = h.quantile(990),
            .churn_batch_p999_ns = h.quantile(999),
            .churn_batch_max_ns = h.max,
            .churn_batches = h.count,
        };
    }
};

test bucketOf {
    const expectEqual = std.testing.expectEqual;
    try expectEqual(@as(usize, 0), bucketOf(0));
    try expectEqual(@as(usize, 63), bucketOf(63));
    // 64 = 2^6: e = 6, s = (64 >> 1) & 31 = 0.
    try expectEqual(@as(usize, 64), bucketOf(64));
    // Below 128 a bucket is 2 ns wide.
    try expectEqual(@as(usize, 64), bucketOf(65));
    try expectEqual(@as(usize, 65), bucketOf(66));
    try expectEqual(@as(usize, 95), bucketOf(127));
    try expectEqual(@as(usize, 96), bucketOf(128));
    // 1000: e = 9, s = (1000 >> 4) & 31 = 62 & 31 = 30 → 64 + 3·32 + 30.
    try expectEqual(@as(usize, 190), bucketOf(1000));
    try expectEqual(@as(usize, bucket_count - 1), bucketOf(std.math.maxInt(u64)));
    try expectEqual(@as(usize, 64 + 57 * 32), bucketOf(1 << 63));
}

test lowerBound {
    const expectEqual = std.testing.expectEqual;
    try expectEqual(@as(u64, 63), lowerBound(63));
    try expectEqual(@as(u64, 64), lowerBound(64));
    try expectEqual(@as(u64, 66), lowerBound(65));
    try expectEqual(@as(u64, 128), lowerBound(96));
    // Bucket 190 holds 992 … 1007.
    try expectEqual(@as(u64, 992), lowerBound(190));
    try expectEqual(@as(u64, 63 << 58), lowerBound(bucket_count - 1));
    // Every bucket's lower bound falls in that bucket, and one less in the one before.
    for (1..bucket_count) |b| {
        try expectEqual(b, bucketOf(lowerBound(b)));
        try expectEqual(b - 1, bucketOf(lowerBound(b) - 1));
    }
}

test "Histogram quantiles on known values" {
    const expectEqual = std.testing.expectEqual;
    var h: Histogram = .{};
    try expectEqual(Counters{ .churn_batch_p50_ns = 0, .churn_batch_p99_ns = 0, .churn_batch_p999_ns = 0, .churn_batch_max_ns = 0, .churn_batches = 0 }, h.counters());

    // 1 … 1000 ns, one each.
    for (1..1001) |v| h.record(v);
    // p50: rank 500, the value 500, in bucket [496, 504).
    // p99: rank 990 → 990 in [976, 992). p99.9: rank 999 → 999 in [992, 1008).
    try expectEqual(Counters{ .churn_batch_p50_ns = 496, .churn_batch_p99_ns = 976, .churn_batch_p999_ns = 992, .churn_batch_max_ns = 1000, .churn_batches = 1000 }, h.counters());

    h.reset();
    try expectEqual(@as(u64, 0), h.count);
    // Small exact values: ranks ceil(0.5·3) = 2, ceil(0.99·3) = 3, ceil(0.999·3) = 3.
    h.record(10);
    h.record(20);
    h.record(30);
    try expectEqual(Counters{ .churn_batch_p50_ns = 20, .churn_batch_p99_ns = 30, .churn_batch_p999_ns = 30, .churn_batch_max_ns = 30, .churn_batches = 3 }, h.counters());

    // One value: every quantile is its bucket, the maximum is exact.
    h.reset();
    h.record(1_000_003);
    const bound = lowerBound(bucketOf(1_000_003));
    try expectEqual(Counters{ .churn_batch_p50_ns = bound, .churn_batch_p99_ns = bound, .churn_batch_p999_ns = bound, .churn_batch_max_ns = 1_000_003, .churn_batches = 1 }, h.counters());
    try std.testing.expect(bound <= 1_000_003 and bound > 1_000_003 - 1_000_003 / 32);

    // 999 fast batches and one slow one: p99.9 (rank 999) is still fast, the max is not.
    h.reset();
    for (0..999) |_| h.record(40);
    h.record(5000);
    try expectEqual(Counters{ .churn_batch_p50_ns = 40, .churn_batch_p99_ns = 40, .churn_batch_p999_ns = 40, .churn_batch_max_ns = 5000, .churn_batches = 1000 }, h.counters());
    // A second slow one makes 1001 values: rank ceil(999.999) = 1000 is slow,
    // in 5000's bucket [4992, 5120).
    h.record(5000);
    try expectEqual(@as(u64, 4992), h.quantile(999));
    try expectEqual(@as(u64, 40), h.quantile(990));
}
