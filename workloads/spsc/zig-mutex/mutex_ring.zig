//! A ring of CAPACITY slots guarded by std.Io.Mutex, with one std.Io.Condition
//! per direction: the blocking queue Zig's standard library makes easy (it has
//! no queue type for threads). Zig 0.17 has no std.Thread.Mutex any more; the
//! std.Io primitives wait on a futex through the Io they are given. These
//! threads are not Io tasks and nothing cancels them, so the uncancelable
//! forms are used.

const std = @import("std");
const Io = std.Io;
const padding = @import("shared/padding.zig");

pub const MutexRing = struct {
    guarded: Guarded = .{},
    /// CAPACITY slots, 128-byte aligned, apart from the lock.
    slots: []align(padding.block_bytes) u64,
    mask: u64,
    io: Io,

    /// The lock and all it guards share one block: whoever holds the lock
    /// touches all of it, so splitting it would only add line transfers.
    const Guarded = struct {
        mutex: Io.Mutex align(padding.block_bytes) = .init,
        not_empty: Io.Condition = .init,
        not_full: Io.Condition = .init,
        /// Free-running indices, as in the lock-free ring.
        head: u64 = 0,
        tail: u64 = 0,
    };

    comptime {
        padding.assertBlock(Guarded);
    }

    /// A ring of `capacity` slots, a power of two.
    pub fn init(gpa: std.mem.Allocator, io: Io, capacity: u64) std.mem.Allocator.Error!MutexRing {
        std.debug.assert(std.math.isPowerOfTwo(capacity));
        const len = std.math.cast(usize, capacity) orelse return error.OutOfMemory;
        return .{
            .slots = try gpa.alignedAlloc(u64, .fromByteUnits(padding.block_bytes), len),
            .mask = capacity - 1,
            .io = io,
        };
    }

    /// Producer thread only: blocks while the ring is full.
    pub fn push(q: *MutexRing, v: u64) void {
        const g = &q.guarded;
        g.mutex.lockUncancelable(q.io);
        while (g.tail -% g.head == q.slots.len) g.not_full.waitUncancelable(q.io, &g.mutex);
        q.slots[@intCast(g.tail & q.mask)] = v;
        g.tail +%= 1;
        g.mutex.unlock(q.io);
        // After unlocking, so a woken consumer does not wait at once for the lock.
        g.not_empty.signal(q.io);
    }

    /// Consumer thread only: blocks while the ring is empty.
    pub fn pop(q: *MutexRing) u64 {
        const g = &q.guarded;
        g.mutex.lockUncancelable(q.io);
        while (g.head == g.tail) g.not_empty.waitUncancelable(q.io, &g.mutex);
        const v = q.slots[@intCast(g.head & q.mask)];
        g.head +%= 1;
        g.mutex.unlock(q.io);
        g.not_full.signal(q.io);
        return v;
    }
};

test "one thread: FIFO order across many wrap-arounds" {
    const gpa = std.testing.allocator;
    var ring = try MutexRing.init(gpa, std.testing.io, 4);
    defer gpa.free(ring.slots);
    var next_in: u64 = 0;
    var next_out: u64 = 0;
    for (0..50) |_| {
        while (next_in - next_out < 4) : (next_in += 1) ring.push(next_in);
        for (0..3) |_| {
            try std.testing.expectEqual(next_out, ring.pop());
            next_out += 1;
        }
    }
    try std.testing.expectEqual(@as(u64, 150), next_out);
    // The last round left one item in the ring.
    try std.testing.expectEqual(@as(u64, 151), ring.guarded.tail);
}

test "two threads, two slots: both sides block and wake, every item arrives once, in order" {
    const gpa = std.testing.allocator;
    var ring = try MutexRing.init(gpa, std.testing.io, 2);
    defer gpa.free(ring.slots);
    const n = 100_000;
    const Consumer = struct {
        fn run(r: *MutexRing, out_of_order: *u64) void {
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
    try std.testing.expectEqual(@as(u64, n), ring.guarded.head);
}
