//! One HTTP/1.1 request read out of the front of a connection's input:
//! the request line, the headers the server acts on (Connection,
//! Content-Length, Transfer-Encoding) and the length of the whole request,
//! so pipelined requests are taken one after the other from one buffer.

const std = @import("std");

pub const Method = enum { get, head, other };

pub const Request = struct {
    /// Bytes the request takes in the buffer, head and body.
    len: usize,
    method: Method,
    /// The target's path, without its query.
    path: []const u8,
    /// Whether the client keeps the connection after the response: HTTP/1.1
    /// unless it says `Connection: close`, HTTP/1.0 only if it says
    /// `Connection: keep-alive`.
    keep_alive: bool,
    /// An HTTP/1.0 client, which must be told when the connection stays open.
    http10: bool,
};

pub const Parse = union(enum) {
    /// The request is not all in the buffer yet.
    incomplete,
    /// Not a request this server serves: it answers 400 and closes.
    malformed,
    complete: Request,
};

/// Parses the request at the front of `bytes`.
pub fn parse(bytes: []const u8) Parse {
    const head_end = std.mem.find(u8, bytes, "\r\n\r\n") orelse
        // Garbage is answered as soon as it shows, not once a blank line
        // that may never come has arrived.
        return if (methodPrefixIsPlausible(bytes)) .incomplete else .malformed;
    var lines = std.mem.splitSequence(u8, bytes[0..head_end], "\r\n");

    var request: Request = undefined;
    if (!parseRequestLine(lines.first(), &request)) return .malformed;
    request.keep_alive = !request.http10;

    var content_length: ?u64 = null;
    while (lines.next()) |line| {
        const colon = std.mem.findScalar(u8, line, ':') orelse return .malformed;
        const name = line[0..colon];
        // An empty or non-token name also rejects obsolete line folding.
        if (name.len == 0 or !allTokenChars(name)) return .malformed;
        const value = std.mem.trim(u8, line[colon + 1 ..], " \t");
        for (value) |c| if ((c < ' ' and c != '\t') or c == 0x7f) return .malformed;

        if (std.ascii.eqlIgnoreCase(name, "connection")) {
            var options = std.mem.tokenizeAny(u8, value, ", \t");
            while (options.next()) |option| {
                if (std.ascii.eqlIgnoreCase(option, "close")) request.keep_alive = false;
                if (std.ascii.eqlIgnoreCase(option, "keep-alive") and request.http10) request.keep_alive = true;
            }
        } else if (std.ascii.eqlIgnoreCase(name, "content-length")) {
            if (content_length != null) return .malformed;
            if (value.len == 0) return .malformed;
            for (value) |c| if (!std.ascii.isDigit(c)) return .malformed;
            content_length = std.fmt.parseInt(u64, value, 10) catch return .malformed;
        } else if (std.ascii.eqlIgnoreCase(name, "transfer-encoding")) {
            // Chunked request bodies are outside this benchmark's server.
            return .malformed;
        }
    }

    const head_len = head_end + "\r\n\r\n".len;
    const len = std.math.add(u64, head_len, content_length orelse 0) catch return .malformed;
    if (len > bytes.len) return .incomplete;
    request.len = @intCast(len);
    return .{ .complete = request };
}

/// `METHOD SP target SP HTTP/1.x`; fills all of `request` but the length
/// and keep-alive.
fn parseRequestLine(line: []const u8, request: *Request) bool {
    const method_end = std.mem.findScalar(u8, line, ' ') orelse return false;
    const method = line[0..method_end];
    if (method.len == 0 or !allTokenChars(method)) return false;
    const rest = line[method_end + 1 ..];
    const target_end = std.mem.findScalar(u8, rest, ' ') orelse return false;
    const target = rest[0..target_end];
    if (target.len == 0) return false;
    for (target) |c| if (c <= ' ' or c == 0x7f) return false;
    const version = rest[target_end + 1 ..];
    if (std.mem.eql(u8, version, "HTTP/1.1")) {
        request.http10 = false;
    } else if (std.mem.eql(u8, version, "HTTP/1.0")) {
        request.http10 = true;
    } else return false;

    request.method = if (std.mem.eql(u8, method, "GET"))
        .get
    else if (std.mem.eql(u8, method, "HEAD"))
        .head
    else
        .other;
    const query = std.mem.findScalar(u8, target, '?') orelse target.len;
    request.path = target[0..query];
    return true;
}

/// Whether `bytes` can still become a request line: token characters up
/// to the first space (or to the end, if none has arrived yet).
fn methodPrefixIsPlausible(bytes: []const u8) bool {
    const end = std.mem.findScalar(u8, bytes, ' ') orelse bytes.len;
    if (end == 0 and bytes.len > 0) return false;
    return allTokenChars(bytes[0..end]);
}

/// RFC 9110 `tchar`s only.
fn allTokenChars(text: []const u8) bool {
    for (text) |c| switch (c) {
        'a'...'z', 'A'...'Z', '0'...'9', '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~' => {},
        else => return false,
    };
    return true;
}

const testing = std.testing;

fn expectComplete(bytes: []const u8) !Request {
    return switch (parse(bytes)) {
        .complete => |r| r,
        else => |other| {
            std.debug.print("expected a complete request, got {t}\n", .{other});
            return error.TestUnexpectedResult;
        },
    };
}

test "a wrk request and its pipelined successors" {
    const one = "GET /plaintext HTTP/1.1\r\nHost: 127.0.0.1:18080\r\n\r\n";
    const three = one ++ one ++ "GET /other?x=1 HTTP/1.1\r\nHost: x\r\n\r\nGET /pl";
    const first = try expectComplete(three);
    try testing.expectEqual(one.len, first.len);
    try testing.expectEqual(Method.get, first.method);
    try testing.expectEqualStrings("/plaintext", first.path);
    try testing.expect(first.keep_alive);
    try testing.expect(!first.http10);
    const second = try expectComplete(three[first.len..]);
    const third = try expectComplete(three[first.len + second.len ..]);
    try testing.expectEqualStrings("/other", third.path);
    try testing.expectEqual(Parse.incomplete, parse(three[first.len + second.len + third.len ..]));
}

test "keep-alive follows the version and the Connection header" {
    try testing.expect(!(try expectComplete("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n")).keep_alive);
    try testing.expect(!(try expectComplete("GET / HTTP/1.0\r\n\r\n")).keep_alive);
    const kept = try expectComplete("HEAD / HTTP/1.0\r\nconnection: keep-alive\r\n\r\n");
    try testing.expect(kept.keep_alive and kept.http10);
    try testing.expectEqual(Method.head, kept.method);
}

test "a body is part of the request" {
    const bytes = "POST /plaintext HTTP/1.1\r\nContent-Length: 5\r\n\r\nhelloGET";
    const r = try expectComplete(bytes);
    try testing.expectEqual(bytes.len - "GET".len, r.len);
    try testing.expectEqual(Method.other, r.method);
    try testing.expectEqual(Parse.incomplete, parse(bytes[0 .. bytes.len - 4]));
}

test "what is not a request" {
    const malformed = [_][]const u8{
        "\x00\x01garbage garbage\r\n\r\n",
        "\x16\x03\x01", // a TLS handshake, answered before any blank line
        " GET / HTTP/1.1\r\n\r\n",
        "GET / HTTP/2.0\r\n\r\n",
        "GET  HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\r\nno colon\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n",
        "GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
        "GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n",
        "GET / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n",
        "GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
    };
    for (malformed) |bytes| testing.expectEqual(Parse.malformed, parse(bytes)) catch |err| {
        std.debug.print("accepted: {any}\n", .{bytes});
        return err;
    };
    try testing.expectEqual(Parse.incomplete, parse(""));
    try testing.expectEqual(Parse.incomplete, parse("GE"));
    try testing.expectEqual(Parse.incomplete, parse("GET /plaintext HTTP/1.1\r\nHo"));
}
