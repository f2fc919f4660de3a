//! The alloc suite's driver (../../SPEC.md), shared by every Zig tier: the
//! parameters, the three operations on the tier's Store (store.zig) and the
//! counters gathered during the timed samples. A tier's main.zig calls
//! `main` with its Store type. Each tier folder reaches this file through
//! its `shared` symlink, so the compiler sees it inside the tier's module.

const std = @import("std");
const Io = std.Io;
const benchlib = @import("benchlib");
const params = @import("params.zig");
const binary_trees = @import("binary_trees.zig");
const churn = @import("churn.zig");
const request_arena = @import("request_arena.zig");
const histogram = @import("histogram.zig");
const cpu_time = @import("cpu_time.zig");

const Params = params.Params;

/// Runs the operation BENCHCTL_PARAM_OP names on `Store`'s memory.
/// `tier_counters`, a struct of numbers, is added to the result's counters.
pub fn main(init: std.process.Init, comptime Store: type, tier_counters: anytype) void {
    const bench: benchlib.Bench = .init(init);
    const p = readParams(&bench);
    switch (p.operation) {
        .@"binary-trees" => {
            var op: BinaryTrees(Store) = .{ .long_lived = .init(), .short_lived = .init(), .depth = p.depth };
            defer op.deinit();
            measure(&bench, p, &op, tier_counters);
        },
        .churn => {
            if (!Store.frees_each_block) bench.fail("BENCHCTL_PARAM_OP=churn: this arena tier has no churn operation (an arena cannot free blocks one by one)", .{});
            var store: Store = .init();
            defer store.deinit();
            var op: Churn = .{ .churn = churn.Churn.init(store.allocator(), bench.io, p.live, p.ops, p.seed) catch
                bench.fail("out of memory allocating churn's LIVE={d} slots", .{p.live}) };
            defer op.churn.deinit();
            measure(&bench, p, &op, tier_counters);
        },
        .@"request-arena" => {
            var op: RequestArena(Store) = .{ .store = .init(), .p = p };
            defer op.store.deinit();
            measure(&bench, p, &op, tier_counters);
        },
    }
}

fn readParams(bench: *const benchlib.Bench) Params {
    var message: Io.Writer.Allocating = .init(bench.gpa);
    return params.parse(.{
        .op = bench.requireParam("OP"),
        .depth = bench.requireParam("DEPTH"),
        .live = bench.requireParam("LIVE"),
        .ops = bench.requireParam("OPS"),
        .requests = bench.requireParam("REQUESTS"),
        .nodes = bench.requireParam("NODES"),
        .seed = bench.requireParam("SEED"),
    }, &message.writer) catch bench.fail("{s}", .{message.written()});
}

fn measure(bench: *const benchlib.Bench, p: Params, op: anytype, tier_counters: anytype) void {
    var measured: Measured(@typeInfo(@TypeOf(op)).pointer.child) = .{ .bench = bench, .p = p, .op = op };
    bench.setupDone();
    benchlib.run(bench, &measured, tier_counters);
}

/// The counters every operation reports.
pub const CpuCounters = struct { cpu_per_iteration_ns: u64 };

/// The protocol loop's context around an operation `Op`, which provides
///
///     fn iteration(op: *Op, timed: bool) !Op.Result
///     fn beforeTimed(op: *Op) void           // clears what it gathered so far
///     fn timedCounters(op: *Op, cpu_per_iteration_ns: u64) Op.Counters
///
/// Between the timed-phase hooks it counts iterations and the process's CPU
/// time, for cpu_per_iteration_ns.
fn Measured(comptime Op: type) type {
    return struct {
        const Self = @This();

        bench: *const benchlib.Bench,
        p: Params,
        op: *Op,
        timing: bool = false,
        timed_iterations: u64 = 0,
        cpu_start_ns: u64 = 0,

        pub fn iteration(self: *Self) std.mem.Allocator.Error!Op.Result {
            if (self.timing) self.timed_iterations += 1;
            return self.op.iteration(self.timing);
        }

        pub fn beforeTimed(self: *Self) void {
            self.op.beforeTimed();
            self.timed_iterations = 0;
            self.timing = true;
            self.cpu_start_ns = self.cpuNs();
        }

        pub fn afterTimed(self: *Self) Op.Counters {
            const cpu_ns = self.cpuNs() - self.cpu_start_ns;
            self.timing = false;
            // The loop runs at least one timed sample of at least one iteration.
            return self.op.timedCounters(cpu_ns / self.timed_iterations);
        }

        fn cpuNs(self: *Self) u64 {
            return cpu_time.processNs() catch self.bench.fail("cannot read the process's CPU time: getrusage(RUSAGE_SELF) failed", .{});
        }

        /// The only way an iteration fails is running out of memory.
        pub fn describeError(self: *Self, err: anyerror, w: *Io.Writer) Io.Writer.Error!void {
            try w.print("{t} in ", .{err});
            const p = self.p;
            switch (p.operation) {
                .@"binary-trees" => try w.print("binary-trees with DEPTH={d}", .{p.depth}),
                .churn => try w.print("churn with LIVE={d} OPS={d}", .{ p.live, p.ops }),
                .@"request-arena" => try w.print("request-arena with NODES={d}", .{p.nodes}),
            }
        }
    };
}

fn BinaryTrees(comptime Store: type) type {
    return struct {
        const Self = @This();

        /// The long-lived tree's memory, and every other tree's.
        long_lived: Store,
        short_lived: Store,
        depth: u64,

        pub const Result = binary_trees.Result;
        pub const Counters = CpuCounters;

        pub fn iteration(self: *Self, _: bool) std.mem.Allocator.Error!Result {
            return binary_trees.run(Store, &self.long_lived, &self.short_lived, self.depth);
        }

        pub fn beforeTimed(_: *Self) void {}

        pub fn timedCounters(_: *Self, cpu_per_iteration_ns: u64) Counters {
            return .{ .cpu_per_iteration_ns = cpu_per_iteration_ns };
        }

        fn deinit(self: *Self) void {
            self.long_lived.deinit();
            self.short_lived.deinit();
        }
    };
}

const Churn = struct {
    churn: churn.Churn,

    pub const Result = churn.Result;
    pub const Counters = struct {
        cpu_per_iteration_ns: u64,
        churn_batch_p50_ns: u64,
        churn_batch_p99_ns: u64,
        churn_batch_p999_ns: u64,
        churn_batch_max_ns: u64,
        churn_batches: u64,
    };

    pub fn iteration(self: *Churn, timed: bool) std.mem.Allocator.Error!Result {
        return self.churn.iteration(timed);
    }

    pub fn beforeTimed(self: *Churn) void {
        self.churn.batches.reset();
    }

    pub fn timedCounters(self: *Churn, cpu_per_iteration_ns: u64) Counters {
        const batches = self.churn.batches.counters();
        return .{
            .cpu_per_iteration_ns = cpu_per_iteration_ns,
            .churn_batch_p50_ns = batches.churn_batch_p50_ns,
            .churn_batch_p99_ns = batches.churn_batch_p99_ns,
            .churn_batch_p999_ns = batches.churn_batch_p999_ns,
            .churn_batch_max_ns = batches.churn_batch_max_ns,
            .churn_batches = batches.churn_batches,
        };
    }
};

fn RequestArena(comptime Store: type) type {
    return struct {
        const Self = @This();

        store: Store,
        p: Params,

        pub const Result = request_arena.Result;
        pub const Counters = CpuCounters;

        pub fn iteration(self: *Self, _: bool) std.mem.Allocator.Error!Result {
            return request_arena.run(Store, &self.store, self.p.requests, self.p.nodes, self.p.seed);
        }

        pub fn beforeTimed(_: *Self) void {}

        pub fn timedCounters(_: *Self, cpu_per_iteration_ns: u64) Counters {
            return .{ .cpu_per_iteration_ns = cpu_per_iteration_ns };
        }
    };
}

test "Measured counts timed iterations and CPU time only between the hooks" {
    const FakeOp = struct {
        timed_calls: u64 = 0,
        cleared: bool = false,

        pub const Result = u64;
        pub const Counters = CpuCounters;

        pub fn iteration(op: *@This(), timed: bool) std.mem.Allocator.Error!Result {
            if (timed) op.timed_calls += 1;
            var x: u64 = 1;
            for (0..2_000_000) |i| {
                x = x *% 6364136223846793005 +% i;
                std.mem.doNotOptimizeAway(x);
            }
            return 5;
        }

        pub fn beforeTimed(op: *@This()) void {
            op.cleared = true;
        }

        pub fn timedCounters(_: *@This(), cpu_per_iteration_ns: u64) Counters {
            return .{ .cpu_per_iteration_ns = cpu_per_iteration_ns };
        }
    };
    var op: FakeOp = .{};
    var measured: Measured(FakeOp) = .{ .bench = undefined, .p = undefined, .op = &op };
    _ = try measured.iteration();
    measured.beforeTimed();
    try std.testing.expect(op.cleared);
    for (0..3) |_| try std.testing.expectEqual(@as(u64, 5), try measured.iteration());
    const counters = measured.afterTimed();
    _ = try measured.iteration();
    try std.testing.expectEqual(@as(u64, 3), measured.timed_iterations);
    try std.testing.expectEqual(@as(u64, 3), op.timed_calls);
    // Two million multiply-adds take well over a microsecond of CPU.
    try std.testing.expect(counters.cpu_per_iteration_ns > 1000);
}

test {
    _ = params;
    _ = binary_trees;
    _ = churn;
    _ = request_arena;
    _ = histogram;
    _ = cpu_time;
    _ = @import("random.zig");
    _ = @import("store.zig");
}
