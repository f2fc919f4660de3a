//! The ready line (workloads/http/SPEC.md): once the listening sockets
//! accept connections, `{"type":"ready","port":P,"threads":T}` and a
//! newline, in one write(2) to the protocol pipe, so benchctl never reads
//! half a line.

const std = @import("std");
const linux = std.os.linux;

/// Long enough for the largest port and thread count.
pub const max_len = 64;

/// The line for `port` and `threads`, newline included, in `buffer`.
pub fn line(buffer: *[max_len]u8, port: u16, threads: u16) []const u8 {
    return std.fmt.bufPrint(buffer, "{{\"type\":\"ready\",\"port\":{d},\"threads\":{d}}}\n", .{ port, threads }) catch unreachable;
}

/// Writes the line to `fd`; a failed or short write is reported on stderr
/// and ends the process with status 1 (the server cannot be used).
pub fn announceOrExit(fd: linux.fd_t, port: u16, threads: u16) void {
    var buffer: [max_len]u8 = undefined;
    const text = line(&buffer, port, threads);
    const rc = linux.write(fd, text.ptr, text.len);
    switch (linux.errno(rc)) {
        .SUCCESS => if (rc == text.len) return else std.debug.print("cannot write the ready line to BENCHCTL_FD={d}: only {d} of {d} bytes written\n", .{ fd, rc, text.len }),
        else => |e| std.debug.print("cannot write the ready line to BENCHCTL_FD={d}: {t}\n", .{ fd, e }),
    }
    std.process.exit(1);
}

test line {
    var buffer: [max_len]u8 = undefined;
    try std.testing.expectEqualStrings("{\"type\":\"ready\",\"port\":18080,\"threads\":1}\n", line(&buffer, 18080, 1));
    try std.testing.expectEqualStrings("{\"type\":\"ready\",\"port\":65535,\"threads\":65535}\n", line(&buffer, 65535, 65535));
}

test announceOrExit {
    const fds = try std.Io.Threaded.pipe2(.{});
    defer _ = linux.close(fds[0]);
    announceOrExit(fds[1], 18080, 4);
    _ = linux.close(fds[1]);
    var buffer: [max_len]u8 = undefined;
    const rc = linux.read(fds[0], &buffer, buffer.len);
    try std.testing.expectEqual(linux.E.SUCCESS, linux.errno(rc));
    try std.testing.expectEqualStrings("{\"type\":\"ready\",\"port\":18080,\"threads\":4}\n", buffer[0..rc]);
}
