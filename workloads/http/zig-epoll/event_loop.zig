//! One event loop: its own epoll instance and its own listening socket,
//! edge-triggered throughout, running on one thread until the process ends.

const std = @import("std");
const linux = std.os.linux;
const Connection = @import("connection.zig").Connection;
const listener = @import("listener.zig");
const imf_fixdate = @import("shared/imf_fixdate.zig");

/// epoll_data of the listening socket; connections carry their address,
/// never 0.
const listener_tag = 0;
const max_events = 256;

pub fn run(listen_fd: linux.fd_t, gpa: std.mem.Allocator) void {
    const epoll_rc = linux.epoll_create1(linux.EPOLL.CLOEXEC);
    if (linux.errno(epoll_rc) != .SUCCESS) fatal("epoll_create1", linux.errno(epoll_rc));
    const epoll_fd: linux.fd_t = @intCast(epoll_rc);
    var listen_event: linux.epoll_event = .{ .events = linux.EPOLL.IN | linux.EPOLL.ET, .data = .{ .ptr = listener_tag } };
    const add_rc = linux.epoll_ctl(epoll_fd, linux.EPOLL.CTL_ADD, listen_fd, &listen_event);
    if (linux.errno(add_rc) != .SUCCESS) fatal("epoll_ctl", linux.errno(add_rc));

    var date: imf_fixdate.Cache = .{};
    var events: [max_events]linux.epoll_event = undefined;
    while (true) {
        const rc = linux.epoll_wait(epoll_fd, &events, max_events, -1);
        switch (linux.errno(rc)) {
            .SUCCESS => {},
            .INTR => continue,
            else => |e| fatal("epoll_wait", e),
        }
        // One clock read (vDSO, no system call) per wake-up; the text is
        // reformatted only when the second has changed.
        date.update(nowSeconds());
        for (events[0..rc]) |event| {
            if (event.data.ptr == listener_tag) {
                acceptAll(listen_fd, epoll_fd, gpa);
                continue;
            }
            const c: *Connection = @ptrFromInt(event.data.ptr);
            const outcome: Connection.Outcome = if (event.events & (linux.EPOLL.ERR | linux.EPOLL.HUP) != 0)
                .close // reset, or both directions shut: nothing can be delivered
            else
                c.drive(&date.text, event.events & linux.EPOLL.RDHUP != 0);
            if (outcome == .close) {
                // Closing the only descriptor also removes it from epoll.
                _ = linux.close(c.fd);
                gpa.destroy(c);
            }
        }
    }
}

/// Accepts until the queue is empty, as an edge-triggered listener requires.
fn acceptAll(listen_fd: linux.fd_t, epoll_fd: linux.fd_t, gpa: std.mem.Allocator) void {
    while (true) {
        const rc = linux.accept4(listen_fd, null, null, linux.SOCK.NONBLOCK | linux.SOCK.CLOEXEC);
        switch (linux.errno(rc)) {
            .SUCCESS => {},
            .INTR, .CONNABORTED => continue,
            // EAGAIN: all accepted. Out of descriptors or memory: the rest
            // wait in the backlog for the next connection's edge.
            else => return,
        }
        const fd: linux.fd_t = @intCast(rc);
        // Responses go out as soon as they are written, whatever is unacknowledged.
        var ignored: listener.Failure = .{};
        listener.setOption(fd, linux.IPPROTO.TCP, linux.TCP.NODELAY, "setsockopt TCP_NODELAY", &ignored) catch {};
        const c = gpa.create(Connection) catch {
            _ = linux.close(fd);
            continue;
        };
        c.* = .{ .fd = fd };
        // Reads and writes both edge-triggered from the start: EPOLLOUT then
        // fires only after a write has hit EAGAIN, so no epoll_ctl per write.
        var event: linux.epoll_event = .{
            .events = linux.EPOLL.IN | linux.EPOLL.OUT | linux.EPOLL.RDHUP | linux.EPOLL.ET,
            .data = .{ .ptr = @intFromPtr(c) },
        };
        if (linux.errno(linux.epoll_ctl(epoll_fd, linux.EPOLL.CTL_ADD, fd, &event)) != .SUCCESS) {
            _ = linux.close(fd);
            gpa.destroy(c);
        }
    }
}

fn nowSeconds() u64 {
    var ts: linux.timespec = undefined;
    _ = linux.clock_gettime(.REALTIME, &ts);
    return @intCast(@max(ts.sec, 0));
}

fn fatal(call: []const u8, e: linux.E) noreturn {
    std.debug.print("event loop: {s} failed: E{t}\n", .{ call, e });
    std.process.exit(1);
}
