//! The server contract's inputs (workloads/http/SPEC.md, "How benchctl
//! runs a server"): BENCHCTL_HTTP_HOST, BENCHCTL_HTTP_PORT,
//! BENCHCTL_HTTP_THREADS and BENCHCTL_FD. A missing or invalid one is a
//! usage error: a message naming it on stderr and exit status 2.

const std = @import("std");

/// More event loops than this is a typo, not a machine.
pub const max_threads = 1024;

pub const Settings = struct {
    /// The one address to listen on, host and port.
    address: std.Io.net.Ip4Address,
    /// Event loops / workers to run.
    threads: u16,
    /// Where the ready line goes (the protocol pipe).
    ready_fd: std.os.linux.fd_t,
};

pub const Error = error{ Missing, Invalid };

/// Reads all four variables; on error `bad` names the variable at fault.
pub fn parse(env: *const std.process.Environ.Map, bad: *[]const u8) Error!Settings {
    bad.* = "BENCHCTL_HTTP_PORT";
    const port = try number(u16, env, bad.*, 1);
    bad.* = "BENCHCTL_HTTP_HOST";
    const host = env.get(bad.*) orelse return error.Missing;
    // An IPv4 literal only: the SPEC's host is always 127.0.0.1, and a name
    // would need a resolver that could pick some other address.
    const address = std.Io.net.Ip4Address.parse(host, port) catch return error.Invalid;
    bad.* = "BENCHCTL_HTTP_THREADS";
    const threads = try number(u16, env, bad.*, 1);
    if (threads > max_threads) return error.Invalid;
    bad.* = "BENCHCTL_FD";
    const ready_fd = try number(std.os.linux.fd_t, env, bad.*, 0);
    bad.* = "";
    return .{ .address = address, .threads = threads, .ready_fd = ready_fd };
}

fn number(comptime T: type, env: *const std.process.Environ.Map, name: []const u8, min: T) Error!T {
    const text = env.get(name) orelse return error.Missing;
    const value = std.fmt.parseInt(T, text, 10) catch return error.Invalid;
    return if (value < min) error.Invalid else value;
}

/// `parse`, or the usage message on stderr and exit status 2. A BENCHCTL_FD
/// that is not open is a usage error too, found before anything listens.
pub fn fromEnvOrExit(env: *const std.process.Environ.Map) Settings {
    var bad: []const u8 = "";
    const settings = parse(env, &bad) catch |err| {
        switch (err) {
            error.Missing => std.debug.print("{s} is not set: run this server under benchctl, which sets BENCHCTL_HTTP_HOST, BENCHCTL_HTTP_PORT, BENCHCTL_HTTP_THREADS and BENCHCTL_FD\n", .{bad}),
            error.Invalid => std.debug.print("{s}={s} is not valid: {s}\n", .{ bad, env.get(bad).?, expectation(bad) }),
        }
        std.process.exit(2);
    };
    const linux = std.os.linux;
    if (linux.errno(linux.fcntl(settings.ready_fd, linux.F.GETFD, 0)) != .SUCCESS) {
        std.debug.print("BENCHCTL_FD={d} is not valid: it is not an open file descriptor of this process\n", .{settings.ready_fd});
        std.process.exit(2);
    }
    return settings;
}

fn expectation(name: []const u8) []const u8 {
    if (std.mem.eql(u8, name, "BENCHCTL_HTTP_HOST")) return "expected an IPv4 address such as 127.0.0.1";
    if (std.mem.eql(u8, name, "BENCHCTL_HTTP_PORT")) return "expected a port number from 1 to 65535";
    if (std.mem.eql(u8, name, "BENCHCTL_HTTP_THREADS")) return std.fmt.comptimePrint("expected a whole number from 1 to {d}", .{max_threads});
    return "expected a file descriptor number";
}

test parse {
    const gpa = std.testing.allocator;
    var env: std.process.Environ.Map = .init(gpa);
    defer env.deinit();
    var bad: []const u8 = "";

    try std.testing.expectError(error.Missing, parse(&env, &bad));
    try std.testing.expectEqualStrings("BENCHCTL_HTTP_PORT", bad);
    try env.put("BENCHCTL_HTTP_PORT", "0");
    try std.testing.expectError(error.Invalid, parse(&env, &bad));
    try env.put("BENCHCTL_HTTP_PORT", "65536");
    try std.testing.expectError(error.Invalid, parse(&env, &bad));
    try env.put("BENCHCTL_HTTP_PORT", "18080");

    try std.testing.expectError(error.Missing, parse(&env, &bad));
    try std.testing.expectEqualStrings("BENCHCTL_HTTP_HOST", bad);
    try env.put("BENCHCTL_HTTP_HOST", "localhost");
    try std.testing.expectError(error.Invalid, parse(&env, &bad));
    try std.testing.expectEqualStrings("BENCHCTL_HTTP_HOST", bad);
    try env.put("BENCHCTL_HTTP_HOST", "127.0.0.1");

    try std.testing.expectError(error.Missing, parse(&env, &bad));
    try std.testing.expectEqualStrings("BENCHCTL_HTTP_THREADS", bad);
    try env.put("BENCHCTL_HTTP_THREADS", "0");
    try std.testing.expectError(error.Invalid, parse(&env, &bad));
    try env.put("BENCHCTL_HTTP_THREADS", "1025");
    try std.testing.expectError(error.Invalid, parse(&env, &bad));
    try env.put("BENCHCTL_HTTP_THREADS", "2");

    try std.testing.expectError(error.Missing, parse(&env, &bad));
    try std.testing.expectEqualStrings("BENCHCTL_FD", bad);
    try env.put("BENCHCTL_FD", "-1");
    try std.testing.expectError(error.Invalid, parse(&env, &bad));
    try env.put("BENCHCTL_FD", "3");

    const settings = try parse(&env, &bad);
    try std.testing.expectEqualStrings("", bad);
    try std.testing.expectEqual([4]u8{ 127, 0, 0, 1 }, settings.address.bytes);
    try std.testing.expectEqual(@as(u16, 18080), settings.address.port);
    try std.testing.expectEqual(@as(u16, 2), settings.threads);
    try std.testing.expectEqual(@as(std.os.linux.fd_t, 3), settings.ready_fd);
}
