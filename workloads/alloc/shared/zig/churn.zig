//! churn (../../SPEC.md): LIVE slots, OPS operations from SplitMix64, each
//! freeing a slot's block and allocating a new one of a random size; the
//! operations are timed in batches of 8.

const std = @import("std");
const Allocator = std.mem.Allocator;
const Io = std.Io;
const SplitMix64 = @import("random.zig").SplitMix64;
const Histogram = @import("histogram.zig").Histogram;

pub const batch_ops = 8;

pub const Result = struct { ops: u64, checksum: u64 };

/// The block size for a draw `c` from 0 … 99 and a further draw `r`.
fn blockSize(c: u64, r: u64) u64 {
    const lo: u64, const hi: u64 = if (c < 60)
        .{ 16, 256 }
    else if (c < 90)
        .{ 257, 4096 }
    else if (c < 99)
        .{ 4097, 32768 }
    else
        .{ 32769, 65536 };
    return lo + r % (hi - lo + 1);
}

/// The first and last bytes, as the checksum adds them.
fn firstAndLast(block: []const u8) u64 {
    return @as(u64, block[0]) + block[block.len - 1];
}

pub const Churn = struct {
    gpa: Allocator,
    /// The live set; every slot is empty between iterations.
    slots: []?[]u8,
    ops: u64,
    seed: u64,
    io: Io,
    /// Batch times go here only when `iteration` is told it is timed.
    batches: Histogram = .{},

    pub fn init(gpa: Allocator, io: Io, live: u64, ops: u64, seed: u64) Allocator.Error!Churn {
        const slots = try gpa.alloc(?[]u8, live);
        @memset(slots, null);
        return .{ .gpa = gpa, .slots = slots, .ops = ops, .seed = seed, .io = io };
    }

    pub fn deinit(self: *Churn) void {
        self.gpa.free(self.slots);
    }

    pub fn iteration(self: *Churn, timed: bool) Allocator.Error!Result {
        const gpa = self.gpa;
        const slots = self.slots;
        var random: SplitMix64 = .init(self.seed);
        var checksum: u64 = 0;
        // The clock is read in every iteration, timed or not, so calibration
        // and warm-up do the same work as the timed samples.
        var batch_start = Io.Clock.awake.now(self.io);
        var i: u64 = 0;
        while (i < self.ops) : (i += 1) {
            const slot = &slots[random.next() % slots.len];
            const c = random.next() % 100;
            const size = blockSize(c, random.next());
            const b: u8 = @truncate(random.next());
            if (slot.*) |old| {
                checksum +%= firstAndLast(old);
                gpa.free(old);
                // Empty, so a failed allocation below leaves nothing freed twice.
                slot.* = null;
            }
            const block = try gpa.alloc(u8, size);
            // One byte per page, so every page of the block is touched.
            var offset: usize = 0;
            while (offset < size) : (offset += 4096) block[offset] = b;
            block[size - 1] = b;
            slot.* = block;

            if ((i + 1) % batch_ops == 0) {
                const now = Io.Clock.awake.now(self.io);
                if (timed) self.batches.record(std.math.cast(u64, batch_start.durationTo(now).nanoseconds) orelse 0);
                batch_start = now;
            }
        }
        for (slots) |*slot| {
            const block = slot.* orelse continue;
            checksum +%= firstAndLast(block);
            gpa.free(block);
            slot.* = null;
        }
        return .{ .ops = self.ops, .checksum = checksum };
    }
};

test blockSize {
    try std.testing.expectEqual(@as(u64, 16), blockSize(0, 0));
    try std.testing.expectEqual(@as(u64, 256), blockSize(59, 240));
    try std.testing.expectEqual(@as(u64, 16), blockSize(59, 241));
    try std.testing.expectEqual(@as(u64, 257), blockSize(60, 0));
    try std.testing.expectEqual(@as(u64, 4096), blockSize(89, 3839));
    try std.testing.expectEqual(@as(u64, 4097), blockSize(90, 0));
    try std.testing.expectEqual(@as(u64, 32768), blockSize(98, 28671));
    try std.testing.expectEqual(@as(u64, 32769), blockSize(99, 0));
    try std.testing.expectEqual(@as(u64, 65536), blockSize(99, 32767));
    try std.testing.expectEqual(@as(u64, 32769), blockSize(99, 32768));
}

test "churn gives the SPEC's checksums, frees every block and times batches only when told" {
    var churn: Churn = try .init(std.testing.allocator, std.testing.io, 1000, 20000, 42);
    defer churn.deinit();
    const expected: Result = .{ .ops = 20000, .checksum = 5118772 };
    try std.testing.expectEqual(expected, try churn.iteration(false));
    try std.testing.expectEqual(@as(u64, 0), churn.batches.count);
    try std.testing.expectEqual(expected, try churn.iteration(true));
    try std.testing.expectEqual(@as(u64, 20000 / 8), churn.batches.count);
    for (churn.slots) |slot| try std.testing.expectEqual(@as(?[]u8, null), slot);
}

test "churn with OPS not a multiple of 8 records only whole batches" {
    var churn: Churn = try .init(std.testing.allocator, std.testing.io, 3, 21, 7);
    defer churn.deinit();
    _ = try churn.iteration(true);
    try std.testing.expectEqual(@as(u64, 2), churn.batches.count);
}

test "churn at the SPEC's default size" {
    // smp_allocator: the testing allocator's checks are slow at this size.
    var churn: Churn = try .init(std.heap.smp_allocator, std.testing.io, 10000, 200000, 42);
    defer churn.deinit();
    try std.testing.expectEqual(Result{ .ops = 200000, .checksum = 50961184 }, try churn.iteration(false));
}
