//! http suite (../SPEC.md) on Zig's own std.http.Server over std.Io.Threaded,
//! written the way std's own servers are (the docs server, the build
//! system's web UI): an accept loop on std.Io.net, each connection a task
//! of an Io.Group with its own std.http.Server. Io.Threaded runs blocking
//! I/O, so every connection holds a thread of its pool for as long as it
//! is open. The contract's inputs, the ready line and the Date text are
//! shared with zig-epoll (shared/).

const std = @import("std");
const Io = std.Io;
const settings = @import("shared/settings.zig");
const ready = @import("shared/ready.zig");
const imf_fixdate = @import("shared/imf_fixdate.zig");

/// No per-thread alternate signal stack: std's default gives every thread
/// 256 KiB of zeroed thread-local memory for it, which only the segfault
/// handler uses, and a ReleaseFast build does not install that handler.
pub const std_options: std.Options = .{ .signal_stack_size = null };

/// The same queue the epoll server asks for (the kernel caps it at
/// net.core.somaxconn). With std's default of 128, 256 connections opened
/// at once can overflow it; the kernel then drops the handshakes that do
/// not fit and those clients wait to retransmit.
const backlog = 4096;

pub fn main(init: std.process.Init) void {
    const s = settings.fromEnvOrExit(init.environ_map);
    const io = init.io;

    const address: Io.net.IpAddress = .{ .ip4 = s.address };
    // Not `.reuse_address = true`: std then sets SO_REUSEPORT as well, and a
    // second server on the same port would join this one instead of failing.
    var listener = address.listen(io, .{ .kernel_backlog = backlog }) catch |err| {
        std.debug.print("cannot listen on {f}: {t}\n", .{ s.address, err });
        std.process.exit(1);
    };
    ready.announceOrExit(s.ready_fd, s.address.port, s.threads);

    // `concurrent`, not `async`: a connection's task blocks in reads for as
    // long as the client stays, so it needs a thread of its own; `async`
    // would run it on this thread once the pool reached its CPU-count limit.
    var connections: Io.Group = .init;
    while (true) {
        const stream = listener.accept(io) catch |err| switch (err) {
            error.ConnectionAborted => continue,
            else => {
                std.debug.print("accept failed: {t}\n", .{err});
                std.process.exit(1);
            },
        };
        connections.concurrent(io, serveConnection, .{ io, stream }) catch {
            stream.close(io);
        };
    }
}

fn serveConnection(io: Io, stream: Io.net.Stream) void {
    defer stream.close(io);
    // std.Io.net has no option for it. Without TCP_NODELAY, Nagle holds each
    // response after the first of a pipelined batch (std flushes every
    // response on its own) until the client's delayed ACK, some 40 ms.
    const one: c_int = 1;
    std.posix.setsockopt(stream.socket.handle, std.posix.IPPROTO.TCP, std.posix.TCP.NODELAY, std.mem.asBytes(&one)) catch {};
    var receive_buffer: [4096]u8 = undefined;
    var send_buffer: [4096]u8 = undefined;
    var reader = stream.reader(io, &receive_buffer);
    var writer = stream.writer(io, &send_buffer);
    var server: std.http.Server = .init(&reader.interface, &writer.interface);
    var date: imf_fixdate.Cache = .{};

    // `ready` again after each response on a kept-alive connection; std
    // sets it to `closing` after a response to `Connection: close`.
    while (server.reader.state == .ready) {
        // The client closed, or sent something std cannot parse (it
        // returns an error, not a request to answer): close the connection.
        var request = server.receiveHead() catch return;
        date.update(@intCast(@max(Io.Clock.real.now(io).toSeconds(), 0)));
        const found = std.mem.eql(u8, request.head.target, "/plaintext");
        // std writes the status line, content-length and the body (none for
        // HEAD) and flushes; Server, Date and Content-Type are ours to add.
        request.respond(if (found) "Hello, World!" else "Not Found", .{
            .status = if (found) .ok else .not_found,
            .extra_headers = &.{
                .{ .name = "Server", .value = "zig-std" },
                .{ .name = "Date", .value = &date.text },
                .{ .name = "Content-Type", .value = "text/plain" },
            },
        }) catch return;
    }
}

test {
    _ = settings;
    _ = ready;
    _ = imf_fixdate;
    // main has no test of its own, but must compile.
    std.testing.refAllDecls(@This());
}

test "a connection answers pipelined requests in order and ends after Connection: close" {
    const io = std.testing.io;
    const loopback: Io.net.IpAddress = .{ .ip4 = .loopback(0) };
    var listener = try loopback.listen(io, .{});
    defer listener.deinit(io);
    const client = try listener.socket.address.connect(io, .{ .mode = .stream });
    defer client.close(io);
    const thread = try std.Thread.spawn(.{}, serveConnection, .{ io, try listener.accept(io) });

    const get = "GET /plaintext HTTP/1.1\r\nHost: x\r\n\r\n";
    var send_buffer: [256]u8 = undefined;
    var writer = client.writer(io, &send_buffer);
    try writer.interface.writeAll(get ++ "GET /nope HTTP/1.1\r\n\r\n" ++ get ++ "GET /plaintext HTTP/1.1\r\nConnection: close\r\n\r\n");
    try writer.interface.flush();

    var receive_buffer: [4096]u8 = undefined;
    var reader = client.reader(io, &receive_buffer);
    var answers: [4096]u8 = undefined;
    const len = try reader.interface.readSliceShort(&answers); // to the end: the server closes
    thread.join();
    const text = answers[0..len];
    try std.testing.expectEqual(@as(usize, 4), std.mem.count(u8, text, "HTTP/1.1 "));
    try std.testing.expectEqual(@as(usize, 3), std.mem.count(u8, text, "Hello, World!"));
    try std.testing.expectEqual(@as(usize, 4), std.mem.count(u8, text, "Server: zig-std\r\nDate: "));
    try std.testing.expectEqual(@as(usize, 4), std.mem.count(u8, text, "Content-Type: text/plain\r\n"));
    const not_found = std.mem.find(u8, text, "HTTP/1.1 404 Not Found\r\n").?;
    try std.testing.expect(std.mem.find(u8, text, "Hello, World!").? < not_found);
    // Only the last response says it closes the connection.
    const last = text[std.mem.findLast(u8, text, "HTTP/1.1 ").?..];
    try std.testing.expectEqual(@as(usize, 1), std.mem.count(u8, text, "connection: close\r\n"));
    try std.testing.expect(std.mem.find(u8, last, "connection: close\r\n") != null);
    try std.testing.expect(std.mem.endsWith(u8, last, "\r\n\r\nHello, World!"));
}

test "a request std cannot parse ends the connection" {
    const io = std.testing.io;
    const loopback: Io.net.IpAddress = .{ .ip4 = .loopback(0) };
    var listener = try loopback.listen(io, .{});
    defer listener.deinit(io);
    const client = try listener.socket.address.connect(io, .{ .mode = .stream });
    defer client.close(io);
    const thread = try std.Thread.spawn(.{}, serveConnection, .{ io, try listener.accept(io) });

    var send_buffer: [64]u8 = undefined;
    var writer = client.writer(io, &send_buffer);
    try writer.interface.writeAll("\x00\x01garbage garbage\r\n\r\n");
    try writer.interface.flush();
    var receive_buffer: [64]u8 = undefined;
    var reader = client.reader(io, &receive_buffer);
    var answers: [64]u8 = undefined;
    try std.testing.expectEqual(@as(usize, 0), try reader.interface.readSliceShort(&answers));
    thread.join();
}
