//! The core of the benchctl workload protocol, version 1, for Zig workloads
//! (see workloads/PROTOCOL.md): the BENCHCTL_* configuration and parameters,
//! the resident set size, the one-line JSON messages and the pipe they go to.
//! It has no timing loop, so a workload that benchctl measures from outside
//! can use it alone; benchlib.zig adds the in-process loop.

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

/// One workload process's link to benchctl: its settings, its parameters
/// and the protocol pipe.
pub const Connection = struct {
    io: Io,
    gpa: Allocator,
    env: *const std.process.Environ.Map,
    config: Config,

    /// Reads the configuration; a usage error exits 2 with a message on
    /// stderr, as PROTOCOL.md asks.
    pub fn init(process: std.process.Init) Connection {
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
    pub fn param(c: *const Connection, comptime name: []const u8) ?[]const u8 {
        return c.env.get(param_prefix ++ name);
    }

    /// The workload parameter BENCHCTL_PARAM_<name>; its absence is an
    /// `error` message.
    pub fn requireParam(c: *const Connection, comptime name: []const u8) []const u8 {
        return c.param(name) orelse c.fail("missing parameter " ++ param_prefix ++ name, .{});
    }

    /// Sends an `error` message and exits 1. The message also goes to
    /// stderr for whoever runs the binary by hand.
    pub fn fail(c: *const Connection, comptime format: []const u8, args: anytype) noreturn {
        std.debug.print(format ++ "\n", args);
        const message = std.fmt.allocPrint(c.gpa, format, args) catch "out of memory formatting an error message";
        c.send("error", .{ .message = message });
        std.process.exit(1);
    }

    /// Sends the `setup` message with the resident set size so far.
    pub fn setupDone(c: *const Connection) void {
        const rss_kb = c.readRssKb() catch |err| c.fail("cannot read VmRSS from /proc/self/status: {t}", .{err});
        c.send("setup", .{ .rss_kb = rss_kb });
    }

    /// Sends one message: `fields` plus `schema` and `type`.
    pub fn send(c: *const Connection, comptime kind: []const u8, fields: anytype) void {
        // Formatted whole, then written with one call, so a line is never
        // interleaved with anything else.
        var line: Io.Writer.Allocating = .init(c.gpa);
        defer line.deinit();
        writeMessage(&line.writer, kind, fields) catch {
            std.debug.print("benchlib: out of memory formatting the {s} message\n", .{kind});
            std.process.exit(1);
        };
        const pipe: Io.File = .{ .handle = c.config.fd, .flags = .{ .nonblocking = false } };
        pipe.writeStreamingAll(c.io, line.written()) catch |err| {
            std.debug.print("benchlib: cannot write to BENCHCTL_FD={d}: {t}\n", .{ c.config.fd, err });
            std.process.exit(1);
        };
    }

    fn readRssKb(c: *const Connection) !u64 {
        const file = try Io.Dir.openFileAbsolute(c.io, "/proc/self/status", .{});
        defer file.close(c.io);
        var buffer: [8192]u8 = undefined;
        var reader = file.readerStreaming(c.io, &.{});
        const len = try reader.interface.readSliceShort(&buffer);
        return parseVmRss(buffer[0..len]) orelse error.NoVmRss;
    }
};

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

test "Connection.send writes each message as one line" {
    const io = std.testing.io;
    const fds = try Io.Threaded.pipe2(.{});
    const read_end: Io.File = .{ .handle = fds[0], .flags = .{ .nonblocking = false } };
    defer read_end.close(io);
    const write_end: Io.File = .{ .handle = fds[1], .flags = .{ .nonblocking = false } };
    const connection: Connection = .{
        .io = io,
        .gpa = std.testing.allocator,
        .env = undefined, // send reads no parameters
        .config = .{ .fd = fds[1], .warmup = 0, .samples = 1, .iterations = 1, .min_sample_ns = 0 },
    };
    connection.send("setup", .{ .rss_kb = @as(u64, 7) });
    connection.send("error", .{ .message = @as([]const u8, "in.json: bad") });
    write_end.close(io);

    var buffer: [256]u8 = undefined;
    var len: usize = 0;
    while (read_end.readStreaming(io, &.{buffer[len..]})) |n| {
        len += n;
    } else |err| switch (err) {
        error.EndOfStream => {},
        else => return err,
    }
    try std.testing.expectEqualStrings(
        \\{"schema":1,"type":"setup","rss_kb":7}
        \\{"schema":1,"type":"error","message":"in.json: bad"}
        \\
    , buffer[0..len]);
}
