//! http suite (../SPEC.md), the strong Zig tier: a hand-written server on
//! raw std.os.linux system calls. BENCHCTL_HTTP_THREADS event loops, each
//! a thread with its own epoll instance and its own SO_REUSEPORT listener;
//! the main thread runs the first loop. The contract's inputs, the ready
//! line and the Date text are shared with zig-std (shared/).

const std = @import("std");
const linux = std.os.linux;
const settings = @import("shared/settings.zig");
const ready = @import("shared/ready.zig");
const listener = @import("listener.zig");
const event_loop = @import("event_loop.zig");

/// No per-thread alternate signal stack: std's default gives every thread
/// 256 KiB of zeroed thread-local memory for it, which only the segfault
/// handler uses, and a ReleaseFast build does not install that handler.
pub const std_options: std.Options = .{ .signal_stack_size = null };

/// Capped by the kernel at net.core.somaxconn.
const backlog = 4096;

pub fn main(init: std.process.Init) void {
    const s = settings.fromEnvOrExit(init.environ_map);

    // A client that leaves mid-response must cost an EPIPE, not the process.
    const ignore: linux.Sigaction = .{ .handler = .{ .handler = linux.SIG.IGN }, .mask = linux.sigemptyset(), .flags = 0 };
    _ = linux.sigaction(.PIPE, &ignore, null);

    var listeners: [settings.max_threads]linux.fd_t = undefined;
    var failure: listener.Failure = .{};
    listener.checkFree(s.address, &failure) catch cannotListen(s, failure);
    for (listeners[0..s.threads]) |*fd| {
        fd.* = listener.open(s.address, backlog, &failure) catch cannotListen(s, failure);
    }

    for (listeners[1..s.threads]) |fd| {
        const thread = std.Thread.spawn(.{}, event_loop.run, .{ fd, init.gpa }) catch |err| {
            std.debug.print("cannot start event loop thread: {t}\n", .{err});
            std.process.exit(1);
        };
        thread.detach();
    }
    ready.announceOrExit(s.ready_fd, s.address.port, s.threads);
    event_loop.run(listeners[0], init.gpa);
}

fn cannotListen(s: settings.Settings, failure: listener.Failure) noreturn {
    std.debug.print("cannot listen on {f}: {f}\n", .{ s.address, failure });
    std.process.exit(1);
}

test {
    // refAllDecls: the event loop has no tests of its own, but must compile.
    std.testing.refAllDecls(event_loop);
    _ = @import("connection.zig");
    _ = @import("request.zig");
    _ = @import("response.zig");
    _ = listener;
    _ = settings;
    _ = ready;
    _ = @import("shared/imf_fixdate.zig");
}
