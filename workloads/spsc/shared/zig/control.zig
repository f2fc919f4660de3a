//! The iteration control block of ../../SPEC.md: the producer starts
//! iteration k by storing `go = k`, the consumer answers with its report
//! and `done = k`. The consumer thread lives for the whole process and ends
//! when it reads `go = stop`.

const std = @import("std");
const padding = @import("padding.zig");

/// `go` value that ends the consumer thread.
pub const stop = std.math.maxInt(u64);
/// `done` value until the consumer has pinned itself; it then stores 0.
const not_started = std.math.maxInt(u64);

/// The first item that was not the expected one.
pub const Mismatch = struct { position: u64, got: u64 };

/// What the consumer saw in one iteration.
pub const Report = struct {
    /// Items it received.
    items: u64 = 0,
    /// Their sum mod 2^64.
    sum: u64 = 0,
    first_mismatch: ?Mismatch = null,
};

pub const Control = struct {
    producer: ProducerBlock = .{},
    consumer: ConsumerBlock = .{},

    const ProducerBlock = struct {
        go: std.atomic.Value(u64) align(padding.block_bytes) = .init(0),
        /// The producer's own count of iterations, 1 for the self-check.
        iteration: u64 = 0,
    };

    /// The report shares `done`'s block: the consumer writes both and the
    /// producer reads both, so an iteration's answer is one line transfer.
    const ConsumerBlock = struct {
        done: std.atomic.Value(u64) align(padding.block_bytes) = .init(not_started),
        report: Report = .{},
    };

    comptime {
        padding.assertBlock(ProducerBlock);
        padding.assertBlock(ConsumerBlock);
    }

    // The producer's side.

    /// Waits until the consumer thread has pinned itself and is waiting
    /// for iteration 1.
    pub fn awaitConsumerReady(c: *Control) void {
        while (c.consumer.done.load(.acquire) == not_started) std.atomic.spinLoopHint();
    }

    /// Starts the next iteration; returns its number.
    pub fn begin(c: *Control) u64 {
        c.producer.iteration += 1;
        c.producer.go.store(c.producer.iteration, .release);
        return c.producer.iteration;
    }

    /// Waits for the consumer to finish iteration `k`; returns its report.
    pub fn finish(c: *Control, k: u64) Report {
        while (c.consumer.done.load(.acquire) != k) std.atomic.spinLoopHint();
        return c.consumer.report;
    }

    /// Ends the consumer thread once it is between iterations.
    pub fn stopConsumer(c: *Control) void {
        c.producer.go.store(stop, .release);
    }

    // The consumer's side.

    /// Tells the producer the consumer is pinned (its outcome written before).
    pub fn consumerReady(c: *Control) void {
        c.consumer.done.store(0, .release);
    }

    /// Waits until `go` moves past `last`; returns the iteration to run, or `stop`.
    pub fn awaitGo(c: *Control, last: u64) u64 {
        while (true) {
            const go = c.producer.go.load(.acquire);
            if (go != last) return go;
            std.atomic.spinLoopHint();
        }
    }

    /// Hands iteration `k`'s report to the producer.
    pub fn publish(c: *Control, k: u64, report: Report) void {
        c.consumer.report = report;
        c.consumer.done.store(k, .release);
    }
};

test "Control hands iterations back and forth between two threads" {
    const Consumer = struct {
        fn run(c: *Control) void {
            c.consumerReady();
            var k: u64 = 0;
            while (true) {
                k = c.awaitGo(k);
                if (k == stop) return;
                c.publish(k, .{ .items = k, .sum = 10 * k });
            }
        }
    };
    var control: Control = .{};
    const thread = try std.Thread.spawn(.{}, Consumer.run, .{&control});
    control.awaitConsumerReady();
    for (1..4) |expected| {
        const k = control.begin();
        try std.testing.expectEqual(@as(u64, expected), k);
        try std.testing.expectEqual(Report{ .items = k, .sum = 10 * k }, control.finish(k));
    }
    control.stopConsumer();
    thread.join();
}
