//! The benchctl workload protocol, version 1, for Zig workloads that time
//! themselves (see workloads/PROTOCOL.md). A workload does its setup, calls
//! `setupDone`, then hands `run` a context whose `iteration` method is the
//! measured body; this module does the self-check, calibration, warm-up and
//! timed samples, and protocol.zig the configuration and the messages.

const std = @import("std");
const Io = std.Io;

pub const protocol = @import("protocol.zig");

/// An in-process workload's handle is the protocol connection itself: the
/// loop needs nothing else (settings, allocator, clock, pipe).
pub const Bench = protocol.Connection;

/// The iteration count for the next calibration round, per PROTOCOL.md:
/// max(n + 1, min(10·n, ceil(1.2 · n · target / elapsed))).
pub fn nextIterations(n: u64, target_ns: u64, elapsed_ns: u64) u64 {
    // Wide enough that n · target · 6 cannot overflow for any u64 inputs.
    const Wide = u192;
    const tenfold = @as(Wide, n) * 10;
    // A clock too coarse to see the run at all gives no ratio: take the cap.
    const scaled = if (elapsed_ns == 0)
        tenfold
    else
        // 1.2 = 6/5, kept in integers so the ceiling is exact.
        std.math.divCeil(Wide, @as(Wide, n) * target_ns * 6, @as(Wide, elapsed_ns) * 5) catch unreachable;
    const next = @max(@as(Wide, n) + 1, @min(tenfold, scaled));
    return std.math.cast(u64, next) orelse std.math.maxInt(u64);
}

/// Runs the protocol from the self-check to the `result` message.
///
/// `context` points to a value whose `iteration(self) !Result` method is
/// one execution of the measured body; a Result must be plain data, not
/// pointing into memory the next iteration reuses. Results are compared with
/// `Result.eql(a, b)` if Result declares it, else with `std.meta.eql`;
/// the self-check's result, written with `std.json.Stringify`, is the
/// verification value. If an iteration fails, the context's optional
/// `describeError(self, err, writer)` writes the `error` message;
/// otherwise the error's name is sent. `counters` is a struct of numbers.
pub fn run(b: *const Bench, context: anytype, counters: anytype) void {
    const Context = @typeInfo(@TypeOf(context)).pointer.child;
    const Result = @typeInfo(@typeInfo(@TypeOf(Context.iteration)).@"fn".return_type.?).error_union.payload;
    var runner: Runner(Context, Result) = .{ .bench = b, .context = context, .expected = undefined };
    runner.expected = context.iteration() catch |err| runner.fail(err);

    var n = b.config.iterations;
    if (n == 0) {
        n = 1;
        while (true) {
            const elapsed = runner.sample(n);
            if (elapsed >= b.config.min_sample_ns) break;
            n = nextIterations(n, b.config.min_sample_ns, elapsed);
        }
    }

    const warmup_ns = b.gpa.alloc(u64, b.config.warmup) catch b.fail("out of memory", .{});
    for (warmup_ns) |*t| t.* = runner.sample(n);
    const samples_ns = b.gpa.alloc(u64, b.config.samples) catch b.fail("out of memory", .{});
    for (samples_ns) |*t| t.* = runner.sample(n);

    b.send("result", .{
        .verification = runner.expected,
        .iterations = n,
        .warmup_ns = warmup_ns,
        .samples_ns = samples_ns,
        .mismatches = runner.mismatches,
        .counters = counters,
    });
}

fn Runner(comptime Context: type, comptime Result: type) type {
    return struct {
        bench: *const Bench,
        context: *Context,
        expected: Result,
        /// Counted over every iteration after the self-check, calibration
        /// and warm-up included: any disagreement means a broken body.
        mismatches: u64 = 0,

        /// Times `n` back-to-back iterations on the monotonic clock.
        fn sample(r: *@This(), n: u64) u64 {
            const start = Io.Clock.awake.now(r.bench.io);
            var i: u64 = 0;
            while (i < n) : (i += 1) {
                const result = r.context.iteration() catch |err| r.fail(err);
                std.mem.doNotOptimizeAway(result);
                if (!equal(result, r.expected)) r.mismatches += 1;
            }
            const elapsed = start.durationTo(Io.Clock.awake.now(r.bench.io));
            return std.math.cast(u64, elapsed.nanoseconds) orelse 0;
        }

        fn equal(a: Result, b: Result) bool {
            if (comptime std.meta.hasFn(Result, "eql")) return Result.eql(a, b);
            return std.meta.eql(a, b);
        }

        fn fail(r: *@This(), err: anyerror) noreturn {
            if (comptime std.meta.hasMethod(*Context, "describeError")) {
                var message: Io.Writer.Allocating = .init(r.bench.gpa);
                r.context.describeError(err, &message.writer) catch {};
                r.bench.fail("{s}", .{message.written()});
            }
            r.bench.fail("iteration failed: {t}", .{err});
        }
    };
}

test nextIterations {
    // Far too short: grow tenfold at most.
    try std.testing.expectEqual(@as(u64, 10), nextIterations(1, 20_000_000, 1_000));
    // 1.2 · 10 · 20 ms / 5 ms = 48.
    try std.testing.expectEqual(@as(u64, 48), nextIterations(10, 20_000_000, 5_000_000));
    // The ceiling: 1.2 · 7 · 100 / 90 = 9.33… → 10.
    try std.testing.expectEqual(@as(u64, 10), nextIterations(7, 100, 90));
    // Never fewer than one more, whatever the ratio says.
    try std.testing.expectEqual(@as(u64, 101), nextIterations(100, 1000, 2000));
    // An unmeasurably fast run takes the cap.
    try std.testing.expectEqual(@as(u64, 30), nextIterations(3, 1000, 0));
    // No overflow near the top of the range.
    try std.testing.expectEqual(@as(u64, std.math.maxInt(u64)), nextIterations(std.math.maxInt(u64) - 1, std.math.maxInt(u64), 1));
}

test {
    // The core's tests run with the loop's (scripts/test.sh tests this file).
    _ = protocol;
}
