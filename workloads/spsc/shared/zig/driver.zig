//! The spsc suite's driver (../../SPEC.md), shared by every Zig variant:
//! parameters, pinning, the consumer thread and the two operations. A
//! variant's main.zig calls `main` with its queue type, which provides
//!
//!     fn init(gpa: std.mem.Allocator, io: std.Io, capacity: u64) std.mem.Allocator.Error!Queue
//!     fn push(q: *Queue, v: u64) void // one thread only; waits while full
//!     fn pop(q: *Queue) u64           // one other thread only; waits while empty
//!
//! A queue is initialised before the consumer thread starts and is not
//! moved afterwards. Each variant folder reaches this file through its
//! `shared` symlink, so the compiler sees it inside the variant's module.

const std = @import("std");
const Io = std.Io;
const benchlib = @import("benchlib");
const params = @import("params.zig");
const pinning = @import("pinning.zig");
const control = @import("control.zig");
const histogram = @import("histogram.zig");

const Params = params.Params;
const Control = control.Control;
const Report = control.Report;

pub fn main(init: std.process.Init, comptime Queue: type) void {
    const bench: benchlib.Bench = .init(init);
    const p = readParams(&bench);
    const cpus = pickCpus(&bench);
    switch (p.operation) {
        .throughput => run(Throughput(Queue), &bench, p, cpus),
        .latency => run(Latency(Queue), &bench, p, cpus),
    }
}

fn readParams(bench: *const benchlib.Bench) Params {
    var message: Io.Writer.Allocating = .init(bench.gpa);
    return params.parse(.{
        .op = bench.requireParam("OP"),
        .capacity = bench.requireParam("CAPACITY"),
        .items = bench.requireParam("ITEMS"),
        .round_trips = bench.requireParam("ROUND_TRIPS"),
    }, &message.writer) catch bench.fail("{s}", .{message.written()});
}

const Cpus = struct { producer: usize, consumer: usize };

/// The two lowest CPUs of the process's mask, read before any thread pins
/// itself.
fn pickCpus(bench: *const benchlib.Bench) Cpus {
    const mask = pinning.callingThreadMask() catch
        bench.fail("cannot read the process's CPU mask: sched_getaffinity failed", .{});
    if (pinning.count(mask) < 2) {
        var message: Io.Writer.Allocating = .init(bench.gpa);
        message.writer.writeAll("the process's CPU mask is ") catch {};
        pinning.formatList(mask, &message.writer) catch {};
        message.writer.print(" ({d} CPU); spsc needs two CPUs, one for the producer thread and one for the consumer thread", .{pinning.count(mask)}) catch {};
        bench.fail("{s}", .{message.written()});
    }
    return .{ .producer = pinning.nth(mask, 0).?, .consumer = pinning.nth(mask, 1).? };
}

/// Fails, naming the thread, if it could not be pinned.
fn checkPinned(bench: *const benchlib.Bench, failure: ?pinning.Failure, thread: []const u8, cpu: usize) void {
    const f = failure orelse return;
    var message: Io.Writer.Allocating = .init(bench.gpa);
    pinning.describe(f, thread, cpu, &message.writer) catch {};
    bench.fail("{s}", .{message.written()});
}

/// Sets up operation `Op`, starts its consumer thread, pins both threads,
/// runs the protocol loop, then stops and joins the consumer.
fn run(comptime Op: type, bench: *const benchlib.Bench, p: Params, cpus: Cpus) void {
    const op = bench.gpa.create(Op) catch bench.fail("out of memory", .{});
    op.* = Op.init(bench.gpa, bench.io, p) catch
        bench.fail("out of memory allocating queues of CAPACITY={d} slots", .{p.capacity});

    // Started before the producer pins itself, so the new thread does not
    // wait for the producer's CPU to run its own pinning.
    var consumer_pin: ?pinning.Failure = null;
    const consumer = std.Thread.spawn(.{}, consumerThread(Op), .{ op, cpus.consumer, &consumer_pin }) catch |err|
        bench.fail("cannot start the consumer thread: {t}", .{err});
    checkPinned(bench, pinning.pinCallingThread(cpus.producer), "producer", cpus.producer);
    op.control.awaitConsumerReady();
    checkPinned(bench, consumer_pin, "consumer", cpus.consumer);
    bench.setupDone();

    benchlib.run(bench, op, .{ .producer_cpu = cpus.producer, .consumer_cpu = cpus.consumer });
    // The consumer is between iterations, spinning on `go` (never blocked
    // in a queue), so the store alone ends it.
    op.control.stopConsumer();
    consumer.join();
}

/// The consumer thread: pins itself, reports the outcome, then runs one
/// `Op.consume` per iteration until `go` says stop.
fn consumerThread(comptime Op: type) fn (*Op, usize, *?pinning.Failure) void {
    return struct {
        fn main(op: *Op, cpu: usize, pin: *?pinning.Failure) void {
            pin.* = pinning.pinCallingThread(cpu);
            const pinned = pin.* == null;
            op.control.consumerReady();
            if (!pinned) return;
            var k: u64 = 0;
            while (true) {
                k = op.control.awaitGo(k);
                if (k == control.stop) return;
                op.control.publish(k, op.consume());
            }
        }
    }.main;
}

/// Why an iteration failed, kept for the `error` message.
const Failure = union(enum) {
    sequence: struct { iteration: u64, expected: u64, got: u64 },
    round_trip: struct { trip: u64, got: u64 },

    const Error = error{ SequenceError, RoundTripError };

    /// Fails iteration `k` if the consumer saw an item out of sequence.
    fn checkConsumer(f: *Failure, k: u64, report: Report) Error!void {
        const m = report.first_mismatch orelse return;
        f.* = .{ .sequence = .{ .iteration = k, .expected = m.position, .got = m.got } };
        return error.SequenceError;
    }

    fn describe(f: Failure, w: *Io.Writer) Io.Writer.Error!void {
        switch (f) {
            .sequence => |s| try w.print("sequence error in iteration {d}: expected item {d}, got {d}", .{ s.iteration, s.expected, s.got }),
            .round_trip => |r| try w.print("round trip {d}: sent {d}, got {d} back", .{ r.trip, r.trip, r.got }),
        }
    }
};

/// Notes the first position at which `got` was not the expected `position`.
inline fn noteMismatch(first: *?control.Mismatch, position: u64, got: u64) void {
    if (got != position) {
        @branchHint(.cold);
        if (first.* == null) first.* = .{ .position = position, .got = got };
    }
}

/// `throughput`: the producer pushes 0 … ITEMS−1, the consumer pops, checks
/// and sums them; the iteration ends when the consumer has them all.
fn Throughput(comptime Queue: type) type {
    return struct {
        const Self = @This();

        control: Control = .{},
        queue: Queue,
        items: u64,
        failure: Failure = undefined,

        pub const Result = struct { items: u64, sum: u64 };

        fn init(gpa: std.mem.Allocator, io: Io, p: Params) !Self {
            return .{ .queue = try Queue.init(gpa, io, p.capacity), .items = p.items };
        }

        pub fn iteration(self: *Self) Failure.Error!Result {
            const k = self.control.begin();
            const items = self.items;
            var i: u64 = 0;
            while (i < items) : (i += 1) self.queue.push(i);
            const report = self.control.finish(k);
            try self.failure.checkConsumer(k, report);
            return .{ .items = report.items, .sum = report.sum };
        }

        /// The consumer thread's part of an iteration.
        pub fn consume(self: *Self) Report {
            // A local: the loop must not reread a field that may share a
            // line with what the producer writes.
            const items = self.items;
            var report: Report = .{};
            var i: u64 = 0;
            while (i < items) : (i += 1) {
                const v = self.queue.pop();
                noteMismatch(&report.first_mismatch, i, v);
                report.sum +%= v;
            }
            report.items = i;
            return report;
        }

        /// `failure` says more than the error's name.
        pub fn describeError(self: *Self, _: anyerror, w: *Io.Writer) Io.Writer.Error!void {
            try self.failure.describe(w);
        }
    };
}

/// `latency`: the producer pushes i on `forward`, the consumer pops it and
/// pushes it back on `back`, the producer pops it; ROUND_TRIPS such trips,
/// each timed on its own during the timed samples.
fn Latency(comptime Queue: type) type {
    return struct {
        const Self = @This();

        control: Control = .{},
        forward: Queue,
        back: Queue,
        round_trips: u64,
        io: Io,
        /// True between the timed-phase hooks, i.e. in the timed samples:
        /// only their trips go into the histogram.
        timing: bool = false,
        histogram: histogram.Histogram = .{},
        failure: Failure = undefined,

        pub const Result = struct { round_trips: u64, sum: u64 };

        fn init(gpa: std.mem.Allocator, io: Io, p: Params) !Self {
            return .{
                .forward = try Queue.init(gpa, io, p.capacity),
                .back = try Queue.init(gpa, io, p.capacity),
                .round_trips = p.round_trips,
                .io = io,
            };
        }

        pub fn iteration(self: *Self) Failure.Error!Result {
            const k = self.control.begin();
            const round_trips = self.round_trips;
            const timing = self.timing;
            var sum: u64 = 0;
            var first_mismatch: ?control.Mismatch = null;
            // One clock read per trip: each trip ends where the next begins.
            var last = Io.Clock.awake.now(self.io);
            var i: u64 = 0;
            while (i < round_trips) : (i += 1) {
                self.forward.push(i);
                const got = self.back.pop();
                const now = Io.Clock.awake.now(self.io);
                if (timing) self.histogram.record(std.math.cast(u64, last.durationTo(now).nanoseconds) orelse 0);
                last = now;
                sum +%= got;
                noteMismatch(&first_mismatch, i, got);
            }
            const report = self.control.finish(k);
            // The consumer's view first: a wrong item there comes back wrong too.
            try self.failure.checkConsumer(k, report);
            if (first_mismatch) |m| {
                self.failure = .{ .round_trip = .{ .trip = m.position, .got = m.got } };
                return error.RoundTripError;
            }
            return .{ .round_trips = i, .sum = sum };
        }

        /// The consumer thread's part of an iteration.
        pub fn consume(self: *Self) Report {
            // A local: the loop must not reread a field that may share a
            // line with the histogram the producer writes.
            const round_trips = self.round_trips;
            var report: Report = .{};
            var i: u64 = 0;
            while (i < round_trips) : (i += 1) {
                const v = self.forward.pop();
                self.back.push(v);
                noteMismatch(&report.first_mismatch, i, v);
                report.sum +%= v;
            }
            report.items = i;
            return report;
        }

        pub fn beforeTimed(self: *Self) void {
            self.histogram.reset();
            self.timing = true;
        }

        pub fn afterTimed(self: *Self) histogram.Counters {
            self.timing = false;
            return self.histogram.counters();
        }

        /// `failure` says more than the error's name.
        pub fn describeError(self: *Self, _: anyerror, w: *Io.Writer) Io.Writer.Error!void {
            try self.failure.describe(w);
        }
    };
}

/// A one-slot queue for the tests, which can corrupt one item on its way out.
const TestQueue = struct {
    full: std.atomic.Value(bool) = .init(false),
    value: u64 = undefined,
    pops: u64 = 0,
    corrupt_pop: ?u64 = null,

    fn init(_: std.mem.Allocator, _: Io, _: u64) std.mem.Allocator.Error!TestQueue {
        return .{};
    }

    fn push(q: *TestQueue, v: u64) void {
        while (q.full.load(.acquire)) std.atomic.spinLoopHint();
        q.value = v;
        q.full.store(true, .release);
    }

    fn pop(q: *TestQueue) u64 {
        while (!q.full.load(.acquire)) std.atomic.spinLoopHint();
        var v = q.value;
        q.full.store(false, .release);
        if (q.corrupt_pop == q.pops) v += 1000;
        q.pops += 1;
        return v;
    }
};

/// Starts `op`'s consumer thread on the lowest CPU of the test's mask (it
/// pins only itself).
fn startConsumer(comptime Op: type, op: *Op) !std.Thread {
    const cpu = pinning.nth(try pinning.callingThreadMask(), 0).?;
    var pin: ?pinning.Failure = null;
    const thread = try std.Thread.spawn(.{}, consumerThread(Op), .{ op, cpu, &pin });
    op.control.awaitConsumerReady();
    try std.testing.expectEqual(@as(?pinning.Failure, null), pin);
    return thread;
}

fn stopConsumer(op: anytype, thread: std.Thread) void {
    op.control.stopConsumer();
    thread.join();
}

fn expectMessage(expected: []const u8, failure: Failure) !void {
    var buffer: [128]u8 = undefined;
    var w: Io.Writer = .fixed(&buffer);
    try failure.describe(&w);
    try std.testing.expectEqualStrings(expected, w.buffered());
}

const test_params: Params = .{ .operation = .throughput, .capacity = 2, .items = 100, .round_trips = 50 };

test "throughput moves and checks every item" {
    const Op = Throughput(TestQueue);
    var op = try Op.init(std.testing.allocator, std.testing.io, test_params);
    const consumer = try startConsumer(Op, &op);
    defer stopConsumer(&op, consumer);
    try std.testing.expectEqual(Op.Result{ .items = 100, .sum = 4950 }, try op.iteration());
    try std.testing.expectEqual(Op.Result{ .items = 100, .sum = 4950 }, try op.iteration());
}

test "throughput reports the first item out of sequence" {
    const Op = Throughput(TestQueue);
    var op = try Op.init(std.testing.allocator, std.testing.io, test_params);
    op.queue.corrupt_pop = 100 + 7; // item 7 of iteration 2
    const consumer = try startConsumer(Op, &op);
    defer stopConsumer(&op, consumer);
    _ = try op.iteration();
    try std.testing.expectError(error.SequenceError, op.iteration());
    try expectMessage("sequence error in iteration 2: expected item 7, got 1007", op.failure);
}

test "latency records trips only between the timed-phase hooks" {
    const Op = Latency(TestQueue);
    var op = try Op.init(std.testing.allocator, std.testing.io, test_params);
    const consumer = try startConsumer(Op, &op);
    defer stopConsumer(&op, consumer);
    const expected: Op.Result = .{ .round_trips = 50, .sum = 1225 };
    try std.testing.expectEqual(expected, try op.iteration());
    try std.testing.expectEqual(@as(u64, 0), op.histogram.count);
    op.beforeTimed();
    try std.testing.expectEqual(expected, try op.iteration());
    try std.testing.expectEqual(expected, try op.iteration());
    const counters = op.afterTimed();
    try std.testing.expectEqual(expected, try op.iteration());
    try std.testing.expectEqual(@as(u64, 100), counters.rtt_count);
    try std.testing.expectEqual(@as(u64, 100), op.histogram.count);
    try std.testing.expect(counters.rtt_p50_ns <= counters.rtt_p99_ns and counters.rtt_p999_ns <= counters.rtt_max_ns);
}

test "latency names the consumer's sequence error first, else the trip that came back wrong" {
    const Op = Latency(TestQueue);
    var op = try Op.init(std.testing.allocator, std.testing.io, test_params);
    op.forward.corrupt_pop = 3;
    var consumer = try startConsumer(Op, &op);
    try std.testing.expectError(error.SequenceError, op.iteration());
    stopConsumer(&op, consumer);
    try expectMessage("sequence error in iteration 1: expected item 3, got 1003", op.failure);

    op = try Op.init(std.testing.allocator, std.testing.io, test_params);
    op.back.corrupt_pop = 4;
    consumer = try startConsumer(Op, &op);
    try std.testing.expectError(error.RoundTripError, op.iteration());
    stopConsumer(&op, consumer);
    try expectMessage("round trip 4: sent 4, got 1004 back", op.failure);
}

test {
    _ = params;
    _ = pinning;
    _ = control;
    _ = histogram;
}
