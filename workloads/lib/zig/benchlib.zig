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
///
/// Timed-phase hooks (PROTOCOL.md), both optional and both run outside every
/// timed region: `beforeTimed(self) void` is called once, after warm-up,
/// right before the first timed sample (clear what calibration and warm-up
/// gathered); `afterTimed(self) T`, `T` a struct of numbers, is called once
/// right after the last timed sample, and `T`'s fields are added to
/// `counters` (a name in both takes `afterTimed`'s value). The loop runs
/// nothing but the timed samples between the two calls, so a body that must
/// know whether it is being timed keeps its own flag, set in `beforeTimed`
/// and cleared in `afterTimed`.
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
    if (comptime std.meta.hasMethod(*Context, "beforeTimed")) context.beforeTimed();
    const faults_before = std.posix.getrusage(std.posix.rusage.SELF);
    for (samples_ns) |*t| t.* = runner.sample(n);
    const faults_after = std.posix.getrusage(std.posix.rusage.SELF);
    const timed_counters = if (comptime std.meta.hasMethod(*Context, "afterTimed")) context.afterTimed() else NoCounters{};
    // The process's page faults over the timed samples (every thread): a heap handed back to
    // the kernel and touched again shows up per iteration.
    const faults: TimedFaults = .{
        .timed_minor_faults = faults_after.minflt - faults_before.minflt,
        .timed_major_faults = faults_after.majflt - faults_before.majflt,
    };

    b.send("result", .{
        .verification = runner.expected,
        .iterations = n,
        .warmup_ns = warmup_ns,
        .samples_ns = samples_ns,
        .mismatches = runner.mismatches,
        .counters = MergedCounters(@TypeOf(counters), @TypeOf(timed_counters)){ .base = counters, .timed = timed_counters, .faults = faults },
    });
}

const NoCounters = struct {};

const TimedFaults = struct { timed_minor_faults: isize, timed_major_faults: isize };

/// Two structs of numbers written as one JSON object: `base`'s fields that
/// `timed` does not have, then `timed`'s (the hook's value wins a shared name),
/// then the loop's own page-fault counters.
fn MergedCounters(comptime Base: type, comptime Timed: type) type {
    return struct {
        base: Base,
        timed: Timed,
        faults: TimedFaults,

        pub fn jsonStringify(self: @This(), jws: anytype) !void {
            try jws.beginObject();
            inline for (@typeInfo(Base).@"struct".field_names) |name| {
                if (comptime @hasField(Timed, name)) continue;
                try jws.objectField(name);
                try jws.write(@field(self.base, name));
            }
            inline for (@typeInfo(Timed).@"struct".field_names) |name| {
                try jws.objectField(name);
                try jws.write(@field(self.timed, name));
            }
            inline for (@typeInfo(TimedFaults).@"struct".field_names) |name| {
                try jws.objectField(name);
                try jws.write(@field(self.faults, name));
            }
            try jws.endObject();
        }
    };
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

test MergedCounters {
    var buffer: [256]u8 = undefined;
    var w: Io.Writer = .fixed(&buffer);
    const base = .{ .a = @as(u64, 1), .shared = @as(u64, 2) };
    const timed = .{ .shared = @as(u64, 9), .b = @as(u64, 3) };
    const faults: TimedFaults = .{ .timed_minor_faults = 7, .timed_major_faults = 0 };
    try std.json.Stringify.value(MergedCounters(@TypeOf(base), @TypeOf(timed)){ .base = base, .timed = timed, .faults = faults }, .{}, &w);
    try w.writeByte(' ');
    try std.json.Stringify.value(MergedCounters(@TypeOf(base), NoCounters){ .base = base, .timed = .{}, .faults = faults }, .{}, &w);
    try w.writeByte(' ');
    try std.json.Stringify.value(MergedCounters(@TypeOf(.{}), @TypeOf(timed)){ .base = .{}, .timed = timed, .faults = faults }, .{}, &w);
    const f = "\"timed_minor_faults\":7,\"timed_major_faults\":0";
    try std.testing.expectEqualStrings(
        "{\"a\":1,\"shared\":9,\"b\":3," ++ f ++ "} {\"a\":1,\"shared\":2," ++ f ++ "} {\"shared\":9,\"b\":3," ++ f ++ "}",
        w.buffered(),
    );
}

test "run calls the timed-phase hooks around the timed samples only" {
    const io = std.testing.io;
    const fds = try Io.Threaded.pipe2(.{});
    const read_end: Io.File = .{ .handle = fds[0], .flags = .{ .nonblocking = false } };
    defer read_end.close(io);
    const write_end: Io.File = .{ .handle = fds[1], .flags = .{ .nonblocking = false } };
    // run keeps its sample arrays until the process ends; the arena frees them here.
    var arena: std.heap.ArenaAllocator = .init(std.testing.allocator);
    defer arena.deinit();
    const bench: Bench = .{
        .io = io,
        .gpa = arena.allocator(),
        .env = undefined, // run reads no parameters
        .config = .{ .fd = fds[1], .warmup = 2, .samples = 3, .iterations = 4, .min_sample_ns = 0 },
    };

    const Phases = struct {
        calls: u64 = 0,
        timing: bool = false,
        timed_calls: u64 = 0,
        calls_before_timed: ?u64 = null,
        calls_after_timed: ?u64 = null,

        pub fn iteration(p: *@This()) !u64 {
            p.calls += 1;
            if (p.timing) p.timed_calls += 1;
            return 7;
        }

        pub fn beforeTimed(p: *@This()) void {
            p.calls_before_timed = p.calls;
            p.timing = true;
        }

        pub fn afterTimed(p: *@This()) struct { timed_calls: u64, shared: u64 } {
            p.timing = false;
            p.calls_after_timed = p.calls;
            return .{ .timed_calls = p.timed_calls, .shared = 2 };
        }
    };
    var phases: Phases = .{};
    run(&bench, &phases, .{ .kept = @as(u64, 5), .shared = @as(u64, 1) });
    write_end.close(io);

    // Self-check 1, warm-up 2·4, timed 3·4.
    try std.testing.expectEqual(@as(u64, 21), phases.calls);
    try std.testing.expectEqual(@as(?u64, 9), phases.calls_before_timed);
    try std.testing.expectEqual(@as(?u64, 21), phases.calls_after_timed);
    try std.testing.expectEqual(@as(u64, 12), phases.timed_calls);

    var buffer: [1024]u8 = undefined;
    var len: usize = 0;
    while (read_end.readStreaming(io, &.{buffer[len..]})) |n| {
        len += n;
    } else |err| switch (err) {
        error.EndOfStream => {},
        else => return err,
    }
    const line = buffer[0..len];
    try std.testing.expect(std.mem.startsWith(u8, line, "{\"schema\":1,\"type\":\"result\",\"verification\":7,\"iterations\":4,"));
    // The loop's fault counters follow the workload's (their values depend on the machine).
    try std.testing.expect(std.mem.indexOf(u8, line, "\"mismatches\":0,\"counters\":{\"kept\":5,\"timed_calls\":12,\"shared\":2,\"timed_minor_faults\":") != null);
    try std.testing.expect(std.mem.indexOf(u8, line, ",\"timed_major_faults\":") != null);
}

test {
    // The core's tests run with the loop's (scripts/test.sh tests this file).
    _ = protocol;
}
