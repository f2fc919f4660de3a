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
