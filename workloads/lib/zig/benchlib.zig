//! The benchctl workload protocol, version 1, for Zig workloads
//! (see workloads/PROTOCOL.md). A workload does its setup, calls `setupDone`,
//! then hands `run` a context whose `iteration` method is the measured body;
//! this module does the self-check, calibration, warm-up, timed samples and
//! the messages on the protocol pipe.

const std = @import("std");
const Io = std.Io;
const Allocator = std.mem.Allocator;

pub const protocol_version = "1";
const schema = 1;
const param_prefix = "BENCHCTL_PARAM_";

/// The run's shape, read from the BENCHCTL_* environment variables.
pub const Config = struct {
    fd: Io.File.Handle,
    warmup: u32,
    samples: u32,
    /// Iterations per sample; 0 asks for calibration.
    iterations: u64,
    min_sample_ns: u64,

    pub const Error = error{ MissingVariable, UnsupportedProtocol, InvalidNumber };

    /// Reads the configuration; on error `bad_variable` names the culprit.
    pub fn fromEnv(env: *const std.process.Environ.Map, bad_variable: *[]const u8) Error!Config {
        const Parse = struct {
            env: *const std.process.Environ.Map,
            bad: *[]const u8,

            fn number(p: @This(), comptime T: type, comptime name: []const u8, min: T) Error!T {
                p.bad.* = name;
                const text = p.env.get(name) orelse return error.MissingVariable;
                const value = std.fmt.parseInt(T, text, 10) catch return error.InvalidNumber;
                if (value < min) return error.InvalidNumber;
                return value;
            }
        };
        const p: Parse = .{ .env = env, .bad = bad_variable };

        bad_variable.* = "BENCHCTL_PROTOCOL";
        const version = env.get("BENCHCTL_PROTOCOL") orelse return error.MissingVariable;
        if (!std.mem.eql(u8, version, protocol_version)) return error.UnsupportedProtocol;

        const config: Config = .{
            .fd = try p.number(Io.File.Handle, "BENCHCTL_FD", 0),
            .warmup = try p.number(u32, "BENCHCTL_WARMUP", 0),
            .samples = try p.number(u32, "BENCHCTL_SAMPLES", 1),
            .iterations = try p.number(u64, "BENCHCTL_ITERATIONS", 0),
            .min_sample_ns = try p.number(u64, "BENCHCTL_MIN_SAMPLE_NS", 0),
        };
        bad_variable.* = "";
        return config;
    }
};

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

/// Writes one protocol message, `fields` plus `schema` and `type`, as a
/// JSON line.
pub fn writeMessage(writer: *Io.Writer, comptime kind: []const u8, fields: anytype) Io.Writer.Error!void {
    var s: std.json.Stringify = .{ .writer = writer };
    try s.beginObject();
    try s.objectField("schema");
    try s.write(schema);
    try s.objectField("type");
    try s.write(kind);
    inline for (@typeInfo(@TypeOf(fields)).@"struct".field_names) |name| {
        try s.objectField(name);
        try s.write(@field(fields, name));
    }
    try s.endObject();
    try writer.writeByte('\n');
}

/// Parses the `VmRSS:` line of a /proc/<pid>/status text, in kB.
pub fn parseVmRss(status: []const u8) ?u64 {
    var lines = std.mem.splitScalar(u8, status, '\n');
    while (lines.next()) |line| {
        const rest = std.mem.cutPrefix(u8, line, "VmRSS:") orelse continue;
        const number = std.mem.trim(u8, std.mem.cutSuffix(u8, rest, "kB") orelse rest, " \t");
        return std.fmt.parseInt(u64, number, 10) catch null;
    }
    return null;
}

/// One workload process speaking the protocol.
pub const Bench = struct {
    io: Io,
    gpa: Allocator,
    env: *const std.process.Environ.Map,
    config: Config,

    /// Reads the configuration; a usage error exits 2 with a message on
    /// stderr, as PROTOCOL.md asks.
    pub fn init(process: std.process.Init) Bench {
        var bad_variable: []const u8 = "";
        const config = Config.fromEnv(process.environ_map, &bad_variable) catch |err| {
            switch (err) {
                error.MissingVariable => std.debug.print("usage: run under benchctl, which sets BENCHCTL_PROTOCOL=1, BENCHCTL_FD and the other BENCHCTL_* variables ({s} is unset)\n", .{bad_variable}),
                error.UnsupportedProtocol => std.debug.print("benchlib speaks protocol {s}; BENCHCTL_PROTOCOL is {s}\n", .{ protocol_version, process.environ_map.get(bad_variable).? }),
                error.InvalidNumber => std.debug.print("{s}={s} is not a valid number here\n", .{ bad_variable, process.environ_map.get(bad_variable).? }),
            }
            std.process.exit(2);
        };
        return .{ .io = process.io, .gpa = process.gpa, .env = process.environ_map, .config = config };
    }

    /// The workload parameter BENCHCTL_PARAM_<name>, if set.
    pub fn param(b: *const Bench, comptime name: []const u8) ?[]const u8 {
        return b.env.get(param_prefix ++ name);
    }

    /// The workload parameter BENCHCTL_PARAM_<name>; its absence is an
    /// `error` message.
    pub fn requireParam(b: *const Bench, comptime name: []const u8) []const u8 {
        return b.param(name) orelse b.fail("missing parameter " ++ param_prefix ++ name, .{});
    }

    /// Sends an `error` message and exits 1. The message also goes to
    /// stderr for whoever runs the binary by hand.
    pub fn fail(b: *const Bench, comptime format: []const u8, args: anytype) noreturn {
        std.debug.print(format ++ "\n", args);
        const message = std.fmt.allocPrint(b.gpa, format, args) catch "out of memory formatting an error message";
        b.send("error", .{ .message = message });
        std.process.exit(1);
    }

    /// Sends the `setup` message with the resident set size so far.
    pub fn setupDone(b: *const Bench) void {
        const rss_kb = b.readRssKb() catch |err| b.fail("cannot read VmRSS from /proc/self/status: {t}", .{err});
        b.send("setup", .{ .rss_kb = rss_kb });
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

    fn send(b: *const Bench, comptime kind: []const u8, fields: anytype) void {
        // Formatted whole, then written with one call, so a line is never
        // interleaved with anything else.
        var line: Io.Writer.Allocating = .init(b.gpa);
        defer line.deinit();
        writeMessage(&line.writer, kind, fields) catch {
            std.debug.print("benchlib: out of memory formatting the {s} message\n", .{kind});
            std.process.exit(1);
        };
        const pipe: Io.File = .{ .handle = b.config.fd, .flags = .{ .nonblocking = false } };
        pipe.writeStreamingAll(b.io, line.written()) catch |err| {
            std.debug.print("benchlib: cannot write to BENCHCTL_FD={d}: {t}\n", .{ b.config.fd, err });
            std.process.exit(1);
        };
    }

    fn readRssKb(b: *const Bench) !u64 {
        const file = try Io.Dir.openFileAbsolute(b.io, "/proc/self/status", .{});
        defer file.close(b.io);
        var buffer: [8192]u8 = undefined;
        var reader = file.readerStreaming(b.io, &.{});
        const len = try reader.interface.readSliceShort(&buffer);
        return parseVmRss(buffer[0..len]) orelse error.NoVmRss;
    }
};

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

test writeMessage {
    var buffer: [512]u8 = undefined;
    var w: Io.Writer = .fixed(&buffer);
    try writeMessage(&w, "setup", .{ .rss_kb = @as(u64, 10240) });
    try writeMessage(&w, "result", .{
        .verification = .{ .output_bytes = @as(usize, 5) },
        .iterations = @as(u64, 37),
        .warmup_ns = @as([]const u64, &.{1}),
        .samples_ns = @as([]const u64, &.{ 2, 3 }),
        .mismatches = @as(u64, 0),
        .counters = .{ .bytes_per_iteration = @as(u64, 123456) },
    });
    try writeMessage(&w, "error", .{ .message = @as([]const u8, "in.json: bad \"quote\"\n") });
    try std.testing.expectEqualStrings(
        \\{"schema":1,"type":"setup","rss_kb":10240}
        \\{"schema":1,"type":"result","verification":{"output_bytes":5},"iterations":37,"warmup_ns":[1],"samples_ns":[2,3],"mismatches":0,"counters":{"bytes_per_iteration":123456}}
        \\{"schema":1,"type":"error","message":"in.json: bad \"quote\"\n"}
        \\
    , w.buffered());
}

test parseVmRss {
    const status = "Name:\tzig\nVmPeak:\t   10000 kB\nVmRSS:\t    2048 kB\nRssAnon:\t     512 kB\n";
    try std.testing.expectEqual(@as(?u64, 2048), parseVmRss(status));
    try std.testing.expectEqual(@as(?u64, null), parseVmRss("Name:\tzig\n"));
}

test "Config.fromEnv" {
    const gpa = std.testing.allocator;
    var env: std.process.Environ.Map = .init(gpa);
    defer env.deinit();
    var bad: []const u8 = "";

    try std.testing.expectError(error.MissingVariable, Config.fromEnv(&env, &bad));
    try std.testing.expectEqualStrings("BENCHCTL_PROTOCOL", bad);

    try env.put("BENCHCTL_PROTOCOL", "2");
    try std.testing.expectError(error.UnsupportedProtocol, Config.fromEnv(&env, &bad));

    try env.put("BENCHCTL_PROTOCOL", "1");
    try std.testing.expectError(error.MissingVariable, Config.fromEnv(&env, &bad));
    try std.testing.expectEqualStrings("BENCHCTL_FD", bad);

    try env.put("BENCHCTL_FD", "3");
    try env.put("BENCHCTL_WARMUP", "1");
    try env.put("BENCHCTL_SAMPLES", "0");
    try env.put("BENCHCTL_ITERATIONS", "0");
    try env.put("BENCHCTL_MIN_SAMPLE_NS", "20000000");
    try std.testing.expectError(error.InvalidNumber, Config.fromEnv(&env, &bad));
    try std.testing.expectEqualStrings("BENCHCTL_SAMPLES", bad);

    try env.put("BENCHCTL_SAMPLES", "x5");
    try std.testing.expectError(error.InvalidNumber, Config.fromEnv(&env, &bad));

    try env.put("BENCHCTL_SAMPLES", "5");
    const config = try Config.fromEnv(&env, &bad);
    try std.testing.expectEqual(@as(Io.File.Handle, 3), config.fd);
    try std.testing.expectEqual(@as(u32, 5), config.samples);
    try std.testing.expectEqual(@as(u64, 20_000_000), config.min_sample_ns);
}
