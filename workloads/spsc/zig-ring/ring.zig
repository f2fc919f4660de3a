//! The suite's hand-written ring (../SPEC.md, "The hand-written ring"), on
//! std.atomic.Value: free-running u64 indices, each side caching the
//! other's index and reloading it only when the ring looks full (producer)
//! or empty (consumer).

const std = @import("std");
const padding = @import("shared/padding.zig");

pub const Ring = struct {
    producer: ProducerBlock = .{},
    consumer: ConsumerBlock = .{},
    /// CAPACITY slots, 128-byte aligned, apart from both blocks.
    slots: []align(padding.block_bytes) u64,
    mask: u64,

    const ProducerBlock = struct {
        tail: std.atomic.Value(u64) align(padding.block_bytes) = .init(0),
        /// The producer's private copy of `consumer.head`.
        head_cache: u64 = 0,
    };

    const ConsumerBlock = struct {
        head: std.atomic.Value(u64) align(padding.block_bytes) = .init(0),
        /// The consumer's private copy of `producer.tail`.
        tail_cache: u64 = 0,
    };

    comptime {
        padding.assertBlock(ProducerBlock);
        padding.assertBlock(ConsumerBlock);
    }

    /// A ring of `capacity` slots, a power of two.
    pub fn init(gpa: std.mem.Allocator, io: std.Io, capacity: u64) std.mem.Allocator.Error!Ring {
        _ = io; // it never blocks
        std.debug.assert(std.math.isPowerOfTwo(capacity));
        const len = std.math.cast(usize, capacity) orelse return error.OutOfMemory;
        return .{ .slots = try gpa.alignedAlloc(u64, .fromByteUnits(padding.block_bytes), len), .mask = capacity - 1 };
    }

    /// Producer thread only: waits (spinning) while the ring is full.
    pub fn push(r: *Ring, v: u64) void {
        // Only this thread writes `tail`.
        const tail = r.producer.tail.load(.monotonic);
        if (tail -% r.producer.head_cache == r.slots.len) {
            r.producer.head_cache = r.consumer.head.load(.acquire);
            while (tail -% r.producer.head_cache == r.slots.len) {
                std.atomic.spinLoopHint();
                r.producer.head_cache = r.consumer.head.load(.acquire);
            }
        }
        r.slots[@intCast(tail & r.mask)] = v;
        r.producer.tail.store(tail +% 1, .release);
    }

    /// Consumer thread only: waits (spinning) while the ring is empty.
    pub fn pop(r: *Ring) u64 {
        // Only this thread writes `head`.
        const head = r.consumer.head.load(.monotonic);
        if (head == r.consumer.tail_cache) {
            r.consumer.tail_cache = r.producer.tail.load(.acquire);
            while (head == r.consumer.tail_cache) {
                std.atomic.spinLoopHint();
                r.consumer.tail_cache = r.producer.tail.load(.acquire);
            }
        }
        const v = r.slots[@intCast(head & r.mask)];
        r.consumer.head.store(head +% 1, .release);
        return v;
    }
};

test "one thread: FIFO order across many wrap-arounds" {
    const gpa = std.testing.allocator;
    var ring = try Ring.init(gpa, std.testing.io, 4);
    defer gpa.free(ring.slots);
    var next_in: u64 = 0;
    var next_out: u64 = 0;
    // Fill to capacity, then drain part, so every slot index is reused.
    for (0..50) |_| {
        while (next_in - next_out < 4) : (next_in += 1) ring.push(next_in);
        for (0..3) |_| {
            try std.testing.expectEqual(next_out, ring.pop());
            next_out += 1;
        }
    }
    try std.testing.expectEqual(@as(u64, 150), next_out);
    // The last round left one item in the ring.
    try std.testing.expectEqual(@as(u64, 151), ring.producer.tail.load(.monotonic));
}

test "indices that wrap past 2^64 keep working" {
    const gpa = std.testing.allocator;
    var ring = try Ring.init(gpa, std.testing.io, 2);
    defer gpa.free(ring.slots);
    const start = std.math.maxInt(u64) - 2;
    ring.producer.tail = .init(start);
    ring.producer.head_cache = start;
    ring.consumer.head = .init(start);
    ring.consumer.tail_cache = start;
    for (0..6) |v| {
        ring.push(v);
        try std.testing.expectEqual(@as(u64, v), ring.pop());
    }
}

test "two threads: every item arrives once, in order" {
    const gpa = std.testing.allocator;
    var ring = try Ring.init(gpa, std.testing.io, 8);
    defer gpa.free(ring.slots);
    const n = 100_000;
    const Consumer = struct {
        fn run(r: *Ring, out_of_order: *u64) void {
            for (0..n) |i| {
                if (r.pop() != i) out_of_order.* += 1;
            }
        }
    };
    var out_of_order: u64 = 0;
    const thread = try std.Thread.spawn(.{}, Consumer.run, .{ &ring, &out_of_order });
    for (0..n) |i| ring.push(i);
    thread.join();
    try std.testing.expectEqual(@as(u64, 0), out_of_order);
}
