//! The listening sockets: one per event loop on the same address, joined
//! by SO_REUSEPORT so the kernel spreads new connections over the loops.

const std = @import("std");
const linux = std.os.linux;
const Ip4Address = std.Io.net.Ip4Address;

pub const Error = error{SyscallFailed};

/// Which system call failed and why, filled in when one returns `Error`.
pub const Failure = struct {
    call: []const u8 = "",
    errno: linux.E = .SUCCESS,

    /// "bind: Address already in use (EADDRINUSE)".
    pub fn format(f: Failure, w: *std.Io.Writer) std.Io.Writer.Error!void {
        try w.print("{s}: {s} (E{t})", .{ f.call, reason(f.errno), f.errno });
    }
};

/// Fails if anything already listens on `address`. SO_REUSEPORT lets any
/// process of the same user join a group of listeners, so a second server
/// on a busy port would bind without complaint; a socket without it
/// conflicts with every listener there and gets EADDRINUSE, the failure
/// the server contract asks for. (SO_REUSEADDR keeps connections of an
/// earlier server in TIME_WAIT from counting as "in use".)
pub fn checkFree(address: Ip4Address, failure: *Failure) Error!void {
    const fd = try bound(address, false, failure);
    _ = linux.close(fd);
}

/// A non-blocking socket listening on `address`, in the SO_REUSEPORT group.
pub fn open(address: Ip4Address, backlog: u31, failure: *Failure) Error!linux.fd_t {
    const fd = try bound(address, true, failure);
    errdefer _ = linux.close(fd);
    try check(linux.listen(fd, backlog), "listen", failure);
    return fd;
}

fn bound(address: Ip4Address, reuse_port: bool, failure: *Failure) Error!linux.fd_t {
    const rc = linux.socket(linux.AF.INET, linux.SOCK.STREAM | linux.SOCK.NONBLOCK | linux.SOCK.CLOEXEC, 0);
    try check(rc, "socket", failure);
    const fd: linux.fd_t = @intCast(rc);
    errdefer _ = linux.close(fd);
    try setOption(fd, linux.SOL.SOCKET, linux.SO.REUSEADDR, "setsockopt SO_REUSEADDR", failure);
    if (reuse_port) try setOption(fd, linux.SOL.SOCKET, linux.SO.REUSEPORT, "setsockopt SO_REUSEPORT", failure);
    const sockaddr: linux.sockaddr.in = .{
        .port = std.mem.nativeToBig(u16, address.port),
        // The bytes are already in network order.
        .addr = @bitCast(address.bytes),
    };
    try check(linux.bind(fd, @ptrCast(&sockaddr), @sizeOf(linux.sockaddr.in)), "bind", failure);
    return fd;
}

/// Sets an integer socket option to 1.
pub fn setOption(fd: linux.fd_t, level: i32, option: u32, call: []const u8, failure: *Failure) Error!void {
    const one: c_int = 1;
    try check(linux.setsockopt(fd, level, option, std.mem.asBytes(&one), @sizeOf(c_int)), call, failure);
}

fn check(rc: usize, call: []const u8, failure: *Failure) Error!void {
    switch (linux.errno(rc)) {
        .SUCCESS => {},
        else => |e| {
            failure.* = .{ .call = call, .errno = e };
            return error.SyscallFailed;
        },
    }
}

/// The C library's text for the errors a listening socket meets (the
/// program has no libc to ask).
fn reason(e: linux.E) []const u8 {
    return switch (e) {
        .ADDRINUSE => "Address already in use",
        .ADDRNOTAVAIL => "Cannot assign requested address",
        .ACCES => "Permission denied",
        .MFILE => "Too many open files",
        .NFILE => "Too many open files in system",
        .NOBUFS => "No buffer space available",
        .NOMEM => "Cannot allocate memory",
        .INVAL => "Invalid argument",
        else => "system error",
    };
}

test "a second listener group on a busy address is refused" {
    // Port 0 would give each socket its own port: find a free one first.
    var failure: Failure = .{};
    const probe = try open(.loopback(0), 1, &failure);
    var bound_address: linux.sockaddr.in = undefined;
    var len: linux.socklen_t = @sizeOf(linux.sockaddr.in);
    try std.testing.expectEqual(linux.E.SUCCESS, linux.errno(linux.getsockname(probe, @ptrCast(&bound_address), &len)));
    _ = linux.close(probe);
    const address: Ip4Address = .loopback(std.mem.bigToNative(u16, bound_address.port));

    try checkFree(address, &failure);
    const first = try open(address, 16, &failure);
    defer _ = linux.close(first);
    // The same process may add listeners to its group...
    const second = try open(address, 16, &failure);
    _ = linux.close(second);
    // ...but the check sees the address is taken.
    try std.testing.expectError(error.SyscallFailed, checkFree(address, &failure));
    try std.testing.expectEqual(linux.E.ADDRINUSE, failure.errno);
    var buffer: [80]u8 = undefined;
    try std.testing.expectEqualStrings("bind: Address already in use (EADDRINUSE)", try std.fmt.bufPrint(&buffer, "{f}", .{failure}));
}
