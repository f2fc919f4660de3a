//! The alloc suite's parameters and their ranges (../../SPEC.md). benchctl
//! always sets all of them, so all are checked, whichever operation runs.

const std = @import("std");

pub const Operation = enum { @"binary-trees", churn, @"request-arena" };

pub const Params = struct {
    operation: Operation,
    /// binary-trees' max depth.
    depth: u64,
    /// churn's live-set slots.
    live: u64,
    /// churn's operations per iteration.
    ops: u64,
    /// request-arena's requests per iteration.
    requests: u64,
    /// request-arena's nodes per request.
    nodes: u64,
    seed: u64,
};

/// The parameters' text, as found in BENCHCTL_PARAM_<NAME>.
pub const Texts = struct {
    op: []const u8,
    depth: []const u8,
    live: []const u8,
    ops: []const u8,
    requests: []const u8,
    nodes: []const u8,
    seed: []const u8,
};

/// Checks every rule; on `error.Invalid` `message` says which parameter
/// breaks which rule.
pub fn parse(texts: Texts, message: *std.Io.Writer) error{ Invalid, WriteFailed }!Params {
    const operation = std.meta.stringToEnum(Operation, texts.op) orelse {
        try message.print("BENCHCTL_PARAM_OP={s} is not an operation of the alloc suite: expected binary-trees, churn or request-arena", .{texts.op});
        return error.Invalid;
    };
    return .{
        .operation = operation,
        .depth = try inRange("DEPTH", texts.depth, 6, 24, message),
        .live = try inRange("LIVE", texts.live, 1, 1_000_000, message),
        .ops = try inRange("OPS", texts.ops, 1, 1_000_000_000, message),
        .requests = try inRange("REQUESTS", texts.requests, 1, 1_000_000, message),
        .nodes = try inRange("NODES", texts.nodes, 1, 1_000_000, message),
        .seed = try number("SEED", texts.seed, message),
    };
}

fn inRange(comptime name: []const u8, text: []const u8, comptime min: u64, comptime max: u64, message: *std.Io.Writer) error{ Invalid, WriteFailed }!u64 {
    const value = try number(name, text, message);
    if (value < min or value > max) {
        try message.print("BENCHCTL_PARAM_" ++ name ++ "={d} is out of range: it must be from {d} to {d}", .{ value, min, max });
        return error.Invalid;
    }
    return value;
}

fn number(comptime name: []const u8, text: []const u8, message: *std.Io.Writer) error{ Invalid, WriteFailed }!u64 {
    return std.fmt.parseInt(u64, text, 10) catch {
        try message.print("BENCHCTL_PARAM_" ++ name ++ "={s} is not a whole number from 0 to 2^64-1", .{text});
        return error.Invalid;
    };
}

fn expectInvalid(texts: Texts, expected_message: []const u8) !void {
    var buffer: [256]u8 = undefined;
    var w: std.Io.Writer = .fixed(&buffer);
    try std.testing.expectError(error.Invalid, parse(texts, &w));
    try std.testing.expectEqualStrings(expected_message, w.buffered());
}

test parse {
    var buffer: [256]u8 = undefined;
    var w: std.Io.Writer = .fixed(&buffer);
    const good: Texts = .{ .op = "request-arena", .depth = "10", .live = "1000", .ops = "20000", .requests = "20", .nodes = "500", .seed = "42" };
    try std.testing.expectEqual(Params{ .operation = .@"request-arena", .depth = 10, .live = 1000, .ops = 20000, .requests = 20, .nodes = 500, .seed = 42 }, try parse(good, &w));
    // Every range's ends, and the largest seed.
    const extremes: Texts = .{ .op = "binary-trees", .depth = "24", .live = "1", .ops = "1000000000", .requests = "1000000", .nodes = "1", .seed = "18446744073709551615" };
    try std.testing.expectEqual(Params{ .operation = .@"binary-trees", .depth = 24, .live = 1, .ops = 1_000_000_000, .requests = 1_000_000, .nodes = 1, .seed = std.math.maxInt(u64) }, try parse(extremes, &w));
    try std.testing.expectEqual(@as(usize, 0), w.buffered().len);

    var t = good;
    t.op = "parse-dom";
    try expectInvalid(t, "BENCHCTL_PARAM_OP=parse-dom is not an operation of the alloc suite: expected binary-trees, churn or request-arena");
    t = good;
    t.depth = "5";
    try expectInvalid(t, "BENCHCTL_PARAM_DEPTH=5 is out of range: it must be from 6 to 24");
    t.depth = "25";
    try expectInvalid(t, "BENCHCTL_PARAM_DEPTH=25 is out of range: it must be from 6 to 24");
    t = good;
    t.live = "0";
    try expectInvalid(t, "BENCHCTL_PARAM_LIVE=0 is out of range: it must be from 1 to 1000000");
    t = good;
    t.ops = "1e6";
    try expectInvalid(t, "BENCHCTL_PARAM_OPS=1e6 is not a whole number from 0 to 2^64-1");
    t = good;
    t.requests = "";
    try expectInvalid(t, "BENCHCTL_PARAM_REQUESTS= is not a whole number from 0 to 2^64-1");
    t = good;
    t.nodes = "1000001";
    try expectInvalid(t, "BENCHCTL_PARAM_NODES=1000001 is out of range: it must be from 1 to 1000000");
    t = good;
    t.seed = "-1";
    try expectInvalid(t, "BENCHCTL_PARAM_SEED=-1 is not a whole number from 0 to 2^64-1");
}
