//! Formats one response into a connection's output buffer. Every response
//! is written here, per request, header by header; only the Date text
//! comes from a cache (refreshed each second by the event loop).

const std = @import("std");
const imf_fixdate = @import("shared/imf_fixdate.zig");

pub const server_name = "zig-epoll";

pub const Status = enum {
    ok,
    bad_request,
    not_found,
    method_not_allowed,

    fn line(s: Status) []const u8 {
        return switch (s) {
            .ok => "HTTP/1.1 200 OK\r\n",
            .bad_request => "HTTP/1.1 400 Bad Request\r\n",
            .not_found => "HTTP/1.1 404 Not Found\r\n",
            .method_not_allowed => "HTTP/1.1 405 Method Not Allowed\r\n",
        };
    }

    fn body(s: Status) []const u8 {
        return switch (s) {
            .ok => "Hello, World!",
            .bad_request => "Bad Request",
            .not_found => "Not Found",
            .method_not_allowed => "Method Not Allowed",
        };
    }
};

pub const Response = struct {
    status: Status,
    /// False: the response says `Connection: close` and the server closes.
    keep_alive: bool,
    /// An HTTP/1.0 client is told `Connection: keep-alive` when it is kept.
    http10: bool = false,
    /// A HEAD request: the headers of a GET, no body.
    head_only: bool = false,
};

/// The longest response `write` produces; a connection formats a response
/// only when its output buffer has this much room.
pub const max_len = 256;

/// Writes `r` at the start of `out` (at least `max_len` bytes); returns
/// its length.
pub fn write(out: []u8, date: *const imf_fixdate.Text, r: Response) usize {
    std.debug.assert(out.len >= max_len);
    var w: Appender = .{ .buffer = out };
    const body = r.status.body();
    w.put(r.status.line());
    w.put("Server: " ++ server_name ++ "\r\nDate: ");
    w.put(date);
    w.put("\r\nContent-Type: text/plain\r\nContent-Length: ");
    w.putDecimal(body.len);
    w.put("\r\n");
    if (r.status == .method_not_allowed) w.put("Allow: GET, HEAD\r\n");
    if (!r.keep_alive) {
        w.put("Connection: close\r\n");
    } else if (r.http10) {
        w.put("Connection: keep-alive\r\n");
    }
    w.put("\r\n");
    if (!r.head_only) w.put(body);
    return w.len;
}

/// Copies into a buffer the caller has sized (`max_len`): no bounds
/// checks or error paths per header.
const Appender = struct {
    buffer: []u8,
    len: usize = 0,

    fn put(w: *Appender, bytes: []const u8) void {
        @memcpy(w.buffer[w.len..][0..bytes.len], bytes);
        w.len += bytes.len;
    }

    fn putDecimal(w: *Appender, value: usize) void {
        var digits: [20]u8 = undefined;
        var i: usize = digits.len;
        var rest = value;
        while (true) {
            i -= 1;
            digits[i] = '0' + @as(u8, @intCast(rest % 10));
            rest /= 10;
            if (rest == 0) break;
        }
        w.put(digits[i..]);
    }
};

const testing = std.testing;
const test_date = "Tue, 29 Feb 2000 00:00:00 GMT";

test "the plaintext response" {
    var out: [max_len]u8 = undefined;
    const n = write(&out, test_date, .{ .status = .ok, .keep_alive = true });
    try testing.expectEqualStrings("HTTP/1.1 200 OK\r\n" ++
        "Server: zig-epoll\r\n" ++
        "Date: Tue, 29 Feb 2000 00:00:00 GMT\r\n" ++
        "Content-Type: text/plain\r\n" ++
        "Content-Length: 13\r\n" ++
        "\r\n" ++
        "Hello, World!", out[0..n]);
}

test "closing, HTTP/1.0 keep-alive and HEAD" {
    var out: [max_len]u8 = undefined;
    var n = write(&out, test_date, .{ .status = .bad_request, .keep_alive = false });
    try testing.expect(std.mem.endsWith(u8, out[0..n], "Content-Length: 11\r\nConnection: close\r\n\r\nBad Request"));
    n = write(&out, test_date, .{ .status = .not_found, .keep_alive = true, .http10 = true, .head_only = true });
    try testing.expect(std.mem.startsWith(u8, out[0..n], "HTTP/1.1 404 Not Found\r\n"));
    try testing.expect(std.mem.endsWith(u8, out[0..n], "Content-Length: 9\r\nConnection: keep-alive\r\n\r\n"));
}

test max_len {
    // The longest combination: 405 with its Allow header and Connection.
    var out: [2 * max_len]u8 = undefined;
    for ([_]bool{ false, true }) |keep_alive| {
        const n = write(&out, test_date, .{ .status = .method_not_allowed, .keep_alive = keep_alive, .http10 = true });
        try testing.expect(n <= max_len);
    }
}
