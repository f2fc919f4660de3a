//! One client connection of the epoll server: its input and output
//! buffers and what an event makes it do — send what is queued, answer
//! every complete request in the input, read more. Each read's batch of
//! requests is answered into the output buffer and sent with one write.

const std = @import("std");
const linux = std.os.linux;
const request = @import("request.zig");
const response = @import("response.zig");
const imf_fixdate = @import("shared/imf_fixdate.zig");

/// Holds any request head a client sends this server; wrk's requests are
/// about 50 bytes, 16 of them pipelined about 800.
pub const in_capacity = 4096;
/// Room for 16 pipelined responses (about 2 KiB) several times over; a
/// larger batch is answered in rounds of one buffer each.
pub const out_capacity = 8192;

pub const Connection = struct {
    fd: linux.fd_t,
    /// Bytes received and not yet answered, always from `in[0]`.
    in: [in_capacity]u8 = undefined,
    in_len: usize = 0,
    /// Responses formatted and not yet sent: `out[out_start..out_end]`.
    out: [out_capacity]u8 = undefined,
    out_start: usize = 0,
    out_end: usize = 0,
    /// The last queued response ends the connection (`Connection: close`,
    /// a malformed request): close once it is sent.
    closing: bool = false,

    pub const Outcome = enum { keep, close };

    /// Runs everything the socket allows now. Edge-triggered epoll reports
    /// a socket once per change, so this goes on until the socket has no
    /// more to read (or cannot take more output) before it returns.
    /// `peer_closed`: the event carried EPOLLRDHUP, so the end of the input
    /// must be read too, not inferred from a short read.
    pub fn drive(c: *Connection, date: *const imf_fixdate.Text, peer_closed: bool) Outcome {
        var socket_drained = false;
        while (true) {
            switch (c.flush()) {
                .done => {},
                .blocked => return .keep, // EPOLLOUT will call again
                .failed => return .close,
            }
            if (c.closing) return .close;
            if (c.answer(date)) continue;
            // Nothing left to answer: the input holds at most a partial request.
            if (c.in_len == in_capacity) {
                c.queue(date, .{ .status = .bad_request, .keep_alive = false }); // head too large
                c.in_len = 0;
                continue;
            }
            // A read that did not fill the buffer emptied the socket: data
            // arriving later raises a new edge, so a second read to see
            // EAGAIN is skipped.
            if (socket_drained and !peer_closed) return .keep;
            switch (c.receive()) {
                .filled => {},
                .drained => socket_drained = true,
                .would_block => return .keep,
                .closed => return .close,
            }
        }
    }

    /// Formats a response for every complete request in the input while the
    /// output has room; returns whether it queued any.
    fn answer(c: *Connection, date: *const imf_fixdate.Text) bool {
        const out_before = c.out_end;
        var consumed: usize = 0;
        while (!c.closing and out_capacity - c.out_end >= response.max_len) {
            switch (request.parse(c.in[consumed..c.in_len])) {
                .incomplete => break,
                .malformed => {
                    c.queue(date, .{ .status = .bad_request, .keep_alive = false });
                    consumed = c.in_len;
                },
                .complete => |r| {
                    consumed += r.len;
                    c.queue(date, .{
                        .status = statusFor(r),
                        .keep_alive = r.keep_alive,
                        .http10 = r.http10,
                        .head_only = r.method == .head,
                    });
                },
            }
        }
        // The unanswered rest (a partial request) moves to the front.
        std.mem.copyForwards(u8, &c.in, c.in[consumed..c.in_len]);
        c.in_len -= consumed;
        return c.out_end != out_before;
    }

    fn statusFor(r: request.Request) response.Status {
        if (!std.mem.eql(u8, r.path, "/plaintext")) return .not_found;
        return if (r.method == .other) .method_not_allowed else .ok;
    }

    fn queue(c: *Connection, date: *const imf_fixdate.Text, r: response.Response) void {
        c.out_end += response.write(c.out[c.out_end..], date, r);
        if (!r.keep_alive) c.closing = true;
    }

    const Flush = enum { done, blocked, failed };

    fn flush(c: *Connection) Flush {
        while (c.out_start < c.out_end) {
            const rc = linux.write(c.fd, c.out[c.out_start..].ptr, c.out_end - c.out_start);
            switch (linux.errno(rc)) {
                .SUCCESS => c.out_start += rc,
                .AGAIN => return .blocked,
                .INTR => {},
                else => return .failed, // EPIPE, ECONNRESET: the client is gone
            }
        }
        c.out_start = 0;
        c.out_end = 0;
        return .done;
    }

    const Receive = enum { filled, drained, would_block, closed };

    fn receive(c: *Connection) Receive {
        while (true) {
            const room = in_capacity - c.in_len;
            const rc = linux.read(c.fd, c.in[c.in_len..].ptr, room);
            switch (linux.errno(rc)) {
                .SUCCESS => {
                    if (rc == 0) return .closed;
                    c.in_len += rc;
                    return if (rc < room) .drained else .filled;
                },
                .AGAIN => return .would_block,
                .INTR => {},
                else => return .closed, // ECONNRESET and the like
            }
        }
    }
};

const testing = std.testing;
const test_date = "Tue, 29 Feb 2000 00:00:00 GMT";

/// A connection on one end of a non-blocking socket pair; the test plays
/// the client on the other end.
const TestPair = struct {
    connection: Connection,
    client: linux.fd_t,

    fn init(pair: *TestPair) !void {
        var fds: [2]i32 = undefined;
        const rc = linux.socketpair(linux.AF.UNIX, linux.SOCK.STREAM | linux.SOCK.NONBLOCK, 0, &fds);
        if (linux.errno(rc) != .SUCCESS) return error.SocketPairFailed;
        pair.* = .{ .connection = .{ .fd = fds[0] }, .client = fds[1] };
    }

    fn deinit(pair: *TestPair) void {
        _ = linux.close(pair.connection.fd);
        _ = linux.close(pair.client);
    }

    fn send(pair: *TestPair, bytes: []const u8) !void {
        const rc = linux.write(pair.client, bytes.ptr, bytes.len);
        if (linux.errno(rc) != .SUCCESS or rc != bytes.len) return error.ShortWrite;
    }

    /// Everything the server has sent so far.
    fn received(pair: *TestPair, buffer: []u8) []const u8 {
        const rc = linux.read(pair.client, buffer.ptr, buffer.len);
        return if (linux.errno(rc) == .SUCCESS) buffer[0..rc] else buffer[0..0];
    }
};

test "pipelined requests are answered in order with one batch, a partial one waits" {
    var pair: TestPair = undefined;
    try pair.init();
    defer pair.deinit();
    const get = "GET /plaintext HTTP/1.1\r\nHost: x\r\n\r\n";
    try pair.send(get ++ "GET /nope HTTP/1.1\r\n\r\n" ++ get ++ "GET /pla");
    try testing.expectEqual(Connection.Outcome.keep, pair.connection.drive(test_date, false));
    var buffer: [4096]u8 = undefined;
    const out = pair.received(&buffer);
    try testing.expectEqual(@as(usize, 3), std.mem.count(u8, out, "HTTP/1.1 "));
    const not_found = std.mem.find(u8, out, "404 Not Found").?;
    try testing.expect(std.mem.find(u8, out, "Hello, World!").? < not_found);
    try testing.expect(std.mem.findLast(u8, out, "Hello, World!").? > not_found);
    try testing.expectEqualStrings("GET /pla", pair.connection.in[0..pair.connection.in_len]);

    try pair.send("intext HTTP/1.1\r\n\r\n");
    try testing.expectEqual(Connection.Outcome.keep, pair.connection.drive(test_date, false));
    try testing.expect(std.mem.endsWith(u8, pair.received(&buffer), "Hello, World!"));
}

test "a malformed request gets 400 and the connection ends" {
    var pair: TestPair = undefined;
    try pair.init();
    defer pair.deinit();
    try pair.send("\x00\x01garbage garbage\r\n\r\n");
    try testing.expectEqual(Connection.Outcome.close, pair.connection.drive(test_date, false));
    var buffer: [1024]u8 = undefined;
    try testing.expect(std.mem.startsWith(u8, pair.received(&buffer), "HTTP/1.1 400 Bad Request\r\n"));
}

test "a head larger than the input buffer gets 400 and the connection ends" {
    var pair: TestPair = undefined;
    try pair.init();
    defer pair.deinit();
    try pair.send("GET /plaintext HTTP/1.1\r\nX: ");
    try pair.send(&@as([in_capacity]u8, @splat('a')));
    try testing.expectEqual(Connection.Outcome.close, pair.connection.drive(test_date, false));
    var buffer: [1024]u8 = undefined;
    try testing.expect(std.mem.startsWith(u8, pair.received(&buffer), "HTTP/1.1 400 Bad Request\r\n"));
}

test "a client that closes after its requests gets its answers, then the connection ends" {
    var pair: TestPair = undefined;
    try pair.init();
    defer pair.deinit();
    try pair.send("GET /plaintext HTTP/1.1\r\n\r\n");
    _ = linux.shutdown(pair.client, linux.SHUT.WR);
    try testing.expectEqual(Connection.Outcome.close, pair.connection.drive(test_date, true));
    var buffer: [1024]u8 = undefined;
    try testing.expect(std.mem.endsWith(u8, pair.received(&buffer), "Hello, World!"));
}

test "output the client does not take waits for EPOLLOUT, then goes out in order" {
    var pair: TestPair = undefined;
    try pair.init();
    defer pair.deinit();
    const get = "GET /plaintext HTTP/1.1\r\n\r\n";
    // Requests until the server's sends block: the client reads nothing.
    var sent: usize = 0;
    while (pair.connection.out_end == 0) : (sent += 1) {
        try pair.send(get);
        try testing.expectEqual(Connection.Outcome.keep, pair.connection.drive(test_date, false));
    }
    var answered: usize = 0;
    var buffer: [65536]u8 = undefined;
    while (answered < sent) {
        const out = pair.received(&buffer);
        answered += std.mem.count(u8, out, "Hello, World!");
        // The socket became writable again: what the EPOLLOUT event does.
        try testing.expectEqual(Connection.Outcome.keep, pair.connection.drive(test_date, false));
    }
    try testing.expectEqual(sent, answered);
}
