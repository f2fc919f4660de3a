//! The suite's hand-written ring (../SPEC.md, "The hand-written ring"), on
//! std.atomic.Value: free-running u64 indices, each side caching the
//! other's index and reloading it only when the ring looks full (producer)
//! or empty (consumer). The published `tail` and `head` sit alone in their
//! blocks and each side's own index and cache in a block of its own, so a
//! call never reads the line the other side polls (../SPEC.md says why).

const std = @import("std");
const padding = @import("shared/padding.zig");

pub const Ring = struct {
    /// Written by the producer, read by the consumer.
    tail: PublishedIndex = .{},
    /// Written by the consumer, read by the producer.
    head: PublishedIndex = .{},
    producer: ProducerState = .{},
    consumer: ConsumerState = .{},
    /// CAPACITY slots, 128-byte aligned, apart from every block above.
    slots: []align(padding.block_bytes) u64,
    mask: u64,

    /// An index one side publishes and the other polls, alone in its block.
    const PublishedIndex = struct {
        value: std.atomic.Value(u64) align(padding.block_bytes) = .init(0),
    };

    /// The producer's own state, which the consumer never reads.
    const ProducerState = struct {
        /// Equal to `tail` (only the producer writes either).
        tail: u64 align(padding.block_bytes) = 0,
        /// The producer's last reading of `head`.
        head_cache: u64 = 0,
    };

    /// The consumer's own state, which the producer never reads.
    const ConsumerState = struct {
        /// Equal to `head`.
        head: u64 align(padding.block_bytes) = 0,
        /// The consumer's last reading of `tail`.
        tail_cache: u64 = 0,
    };

    comptime {
        padding.assertBlock(PublishedIndex);
        padding.assertBlock(ProducerState);
        padding.assertBlock(ConsumerState);
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
        const p = &r.producer;
        const tail = p.tail;
        if (tail -% p.head_cache == r.slots.len) {
            p.head_cache = r.head.value.load(.acquire);
            while (tail -% p.head_cache == r.slots.len) {
                std.atomic.spinLoopHint();
                p.head_cache = r.head.value.load(.acquire);
            }
        }
        r.slots[@intCast(tail & r.mask)] = v;
        r.tail.value.store(tail +% 1, .release);
        p.tail = tail +% 1;
    }

    /// Consumer thread only: waits (spinning) while the ring is empty.
    pub fn pop(r: *Ring) u64 {
        const c = &r.consumer;
        const head = c.head;
        if (head == c.tail_cache) {
            c.tail_cache = r.tail.value.load(.acquire);
            while (head == c.tail_cache) {
                std.atomic.spinLoopHint();
                c.tail_cache = r.tail.value.load(.acquire);
            }
        }
        const v = r.slots[@intCast(head & r.mask)];
        r.head.value.store(head +% 1, .release);
        c.head = head +% 1;
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
    try std.testing.expectEqual(@as(u64, 151), ring.tail.value.load(.monotonic));
    try std.testing.expectEqual(@as(u64, 151), ring.producer.tail);
    try std.testing.expectEqual(@as(u64, 150), ring.head.value.load(.monotonic));
}

test "indices that wrap past 2^64 keep working" {
    const gpa = std.testing.allocator;
    var ring = try Ring.init(gpa, std.testing.io, 2);
    defer gpa.free(ring.slots);
    const start = std.math.maxInt(u64) - 2;
    ring.tail = .{ .value = .init(start) };
    ring.head = .{ .value = .init(start) };
    ring.producer = .{ .tail = start, .head_cache = start };
    ring.consumer = .{ .head = start, .tail_cache = start };
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
