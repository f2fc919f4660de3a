//! The spsc suite's parameters and their rules (../../SPEC.md,
//! "Threads, CPUs and parameters"). benchctl always sets all of them, so
//! all are checked, whichever operation runs.

const std = @import("std");

pub const Operation = enum { throughput, latency };

pub const Params = struct {
    operation: Operation,
    /// Slots per queue: a power of two, at least 2.
    capacity: u64,
    /// Items per throughput iteration: a positive multiple of capacity/2.
    items: u64,
    /// Round trips per latency iteration: at least 1.
    round_trips: u64,
};

/// The parameters' text, as found in BENCHCTL_PARAM_<NAME>.
pub const Texts = struct {
    op: []const u8,
    capacity: []const u8,
    items: []const u8,
    round_trips: []const u8,
};

/// Checks every rule; on `error.Invalid` `message` says which parameter
/// breaks which rule.
pub fn parse(texts: Texts, message: *std.Io.Writer) error{ Invalid, WriteFailed }!Params {
    const operation = std.meta.stringToEnum(Operation, texts.op) orelse {
        try message.print("BENCHCTL_PARAM_OP={s} is not an operation of the spsc suite: expected throughput or latency", .{texts.op});
        return error.Invalid;
    };
    const capacity = try number("CAPACITY", texts.capacity, message);
    if (capacity < 2 or !std.math.isPowerOfTwo(capacity)) {
        try message.print("BENCHCTL_PARAM_CAPACITY={d} is not a power of two of at least 2", .{capacity});
        return error.Invalid;
    }
    const items = try number("ITEMS", texts.items, message);
    // A zero-item iteration would time nothing but the control block.
    if (items == 0 or items % (capacity / 2) != 0) {
        try message.print("BENCHCTL_PARAM_ITEMS={d} is not a positive multiple of CAPACITY/2 ({d})", .{ items, capacity / 2 });
        return error.Invalid;
    }
    const round_trips = try number("ROUND_TRIPS", texts.round_trips, message);
    if (round_trips == 0) {
        try message.print("BENCHCTL_PARAM_ROUND_TRIPS=0 is not a number of round trips: it must be at least 1", .{});
        return error.Invalid;
    }
    return .{ .operation = operation, .capacity = capacity, .items = items, .round_trips = round_trips };
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
    const good: Texts = .{ .op = "latency", .capacity = "1024", .items = "65536", .round_trips = "2000" };
    try std.testing.expectEqual(Params{ .operation = .latency, .capacity = 1024, .items = 65536, .round_trips = 2000 }, try parse(good, &w));
    // The smallest of each: 2 slots, one half ring of 1 item, 1 trip.
    const smallest: Texts = .{ .op = "throughput", .capacity = "2", .items = "1", .round_trips = "1" };
    try std.testing.expectEqual(Params{ .operation = .throughput, .capacity = 2, .items = 1, .round_trips = 1 }, try parse(smallest, &w));
    try std.testing.expectEqual(@as(usize, 0), w.buffered().len);

    var t = good;
    t.op = "parse-dom";
    try expectInvalid(t, "BENCHCTL_PARAM_OP=parse-dom is not an operation of the spsc suite: expected throughput or latency");
    t = good;
    t.capacity = "1000";
    try expectInvalid(t, "BENCHCTL_PARAM_CAPACITY=1000 is not a power of two of at least 2");
    t.capacity = "1";
    try expectInvalid(t, "BENCHCTL_PARAM_CAPACITY=1 is not a power of two of at least 2");
    t.capacity = "0";
    try expectInvalid(t, "BENCHCTL_PARAM_CAPACITY=0 is not a power of two of at least 2");
    t.capacity = "-4";
    try expectInvalid(t, "BENCHCTL_PARAM_CAPACITY=-4 is not a whole number from 0 to 2^64-1");
    t = good;
    t.items = "100";
    try expectInvalid(t, "BENCHCTL_PARAM_ITEMS=100 is not a positive multiple of CAPACITY/2 (512)");
    t.items = "0";
    try expectInvalid(t, "BENCHCTL_PARAM_ITEMS=0 is not a positive multiple of CAPACITY/2 (512)");
    t.items = "1e6";
    try expectInvalid(t, "BENCHCTL_PARAM_ITEMS=1e6 is not a whole number from 0 to 2^64-1");
    t = good;
    t.round_trips = "0";
    try expectInvalid(t, "BENCHCTL_PARAM_ROUND_TRIPS=0 is not a number of round trips: it must be at least 1");
    t.round_trips = "";
    try expectInvalid(t, "BENCHCTL_PARAM_ROUND_TRIPS= is not a whole number from 0 to 2^64-1");
}
