//! The json suite's verification values (see ../SPEC.md): DOM stats over a
//! `std.json.Value` tree and typed stats folded over any parsed Zig value.

const std = @import("std");
const Allocator = std.mem.Allocator;
const Value = std.json.Value;

/// The SplitMix64 finaliser the SPEC mixes each number's bit pattern with.
pub fn mix(bits: u64) u64 {
    var z = bits;
    z = (z ^ (z >> 30)) *% 0xbf58476d1ce4e5b9;
    z = (z ^ (z >> 27)) *% 0x94d049bb133111eb;
    return z ^ (z >> 31);
}

/// Counts over the leaf values: the typed stats, and part of the DOM stats.
pub const Scalars = struct {
    strings: u64 = 0,
    numbers: u64 = 0,
    trues: u64 = 0,
    falses: u64 = 0,
    nulls: u64 = 0,
    string_bytes: u64 = 0,
    /// Wrapping sum of `mix(bits(d))` over all numbers `d`.
    number_checksum: u64 = 0,

    pub fn addNumber(s: *Scalars, d: f64) void {
        // -0.0 counts as +0.0.
        const canonical: f64 = if (d == 0) 0 else d;
        s.numbers += 1;
        s.number_checksum +%= mix(@bitCast(canonical));
    }

    pub fn addString(s: *Scalars, bytes: []const u8) void {
        s.strings += 1;
        s.string_bytes += bytes.len;
    }

    pub fn addBool(s: *Scalars, b: bool) void {
        if (b) s.trues += 1 else s.falses += 1;
    }

    pub fn jsonStringify(s: Scalars, jws: anytype) !void {
        try jws.beginObject();
        try s.writeFields(jws);
        try jws.endObject();
    }

    fn writeFields(s: Scalars, jws: anytype) !void {
        inline for (.{ "strings", "numbers", "trues", "falses", "nulls", "string_bytes" }) |name| {
            try jws.objectField(name);
            try jws.write(@field(s, name));
        }
        // A string: 64 bits do not survive every JSON reader as a number.
        try jws.objectField("number_checksum");
        try jws.print("\"{x:0>16}\"", .{s.number_checksum});
    }
};

/// The SPEC's DOM stats.
pub const Dom = struct {
    objects: u64 = 0,
    arrays: u64 = 0,
    members: u64 = 0,
    elements: u64 = 0,
    key_bytes: u64 = 0,
    scalars: Scalars = .{},

    pub fn jsonStringify(d: Dom, jws: anytype) !void {
        try jws.beginObject();
        inline for (.{ "objects", "arrays", "members", "elements", "key_bytes" }) |name| {
            try jws.objectField(name);
            try jws.write(@field(d, name));
        }
        try d.scalars.writeFields(jws);
        try jws.endObject();
    }
};

/// Walks the whole tree. Iterative, with an explicit stack allocated from
/// `scratch`, so a deeply nested document costs heap rather than overflowing
/// the call stack.
pub fn ofValue(root: *const Value, scratch: Allocator) WalkError!Dom {
    var dom: Dom = .{};
    var containers: std.ArrayList(*const Value) = .empty;
    try visit(&dom, &containers, scratch, root);
    while (containers.pop()) |container| switch (container.*) {
        .array => |array| {
            dom.arrays += 1;
            dom.elements += array.items.len;
            for (array.items) |*item| try visit(&dom, &containers, scratch, item);
        },
        .object => |object| {
            dom.objects += 1;
            dom.members += object.count();
            for (object.keys()) |key| dom.key_bytes += key.len;
            for (object.values()) |*item| try visit(&dom, &containers, scratch, item);
        },
        else => unreachable, // Only containers are pushed.
    };
    return dom;
}

/// What walking a tree can fail with.
pub const WalkError = Allocator.Error || error{NumberOutOfRange};

/// The SPEC makes a number outside binary64's finite range invalid input
/// (parseFloat would turn 1e400 into infinity).
fn finite(d: f64) error{NumberOutOfRange}!f64 {
    return if (std.math.isFinite(d)) d else error.NumberOutOfRange;
}

/// Counts a leaf at once; defers a container to the stack.
inline fn visit(dom: *Dom, containers: *std.ArrayList(*const Value), scratch: Allocator, v: *const Value) WalkError!void {
    switch (v.*) {
        .null => dom.scalars.nulls += 1,
        .bool => |b| dom.scalars.addBool(b),
        .integer => |i| dom.scalars.addNumber(@floatFromInt(i)),
        .float => |f| dom.scalars.addNumber(try finite(f)),
        // std.json keeps integers beyond i64 (and floats beyond f64's range)
        // as text; parseFloat rounds them correctly. The scanner has already
        // checked the token's grammar, so parsing cannot fail.
        .number_string => |s| dom.scalars.addNumber(try finite(std.fmt.parseFloat(f64, s) catch unreachable)),
        .string => |s| dom.scalars.addString(s),
        .array, .object => try containers.append(scratch, v),
    }
}

/// Folds the typed stats over every field of a value parsed by std.json.
/// Resolved at compile time from the type, so no field can be forgotten.
pub fn fold(s: *Scalars, value: anytype) void {
    const T = @TypeOf(value);
    switch (@typeInfo(T)) {
        .bool => s.addBool(value),
        .int => s.addNumber(@floatFromInt(value)),
        .float => s.addNumber(value),
        .optional => if (value) |v| fold(s, v) else {
            s.nulls += 1;
        },
        .array => for (value) |item| fold(s, item),
        .pointer => |p| {
            comptime std.debug.assert(p.size == .slice);
            if (p.child == u8) {
                s.addString(value);
            } else for (value) |item| fold(s, item);
        },
        .@"struct" => |info| if (comptime isJsonMap(T)) {
            // Map keys are keys, not string values.
            for (value.map.values()) |item| fold(s, item);
        } else inline for (info.field_names) |name| fold(s, @field(value, name)),
        else => @compileError("no typed stats for " ++ @typeName(T)),
    }
}

fn isJsonMap(comptime T: type) bool {
    if (!@hasField(T, "map")) return false;
    const V = @FieldType(@FieldType(T, "map").KV, "value");
    return T == std.json.ArrayHashMap(V);
}

test mix {
    // SplitMix64 seeded with 0: the first output is mix(golden gamma).
    try std.testing.expectEqual(@as(u64, 0xe220a8397b1dcdaf), mix(0x9e3779b97f4a7c15));
    try std.testing.expectEqual(@as(u64, 0), mix(0));
}

test ofValue {
    const gpa = std.testing.allocator;
    const text =
        \\{"a":[1,-0,2.5,"x\u00e9",true,false,null,{}],"bb":{"c":123456789012345678901234567890}}
    ;
    const parsed = try std.json.parseFromSlice(Value, gpa, text, .{});
    defer parsed.deinit();
    var arena: std.heap.ArenaAllocator = .init(gpa);
    defer arena.deinit();
    const dom = try ofValue(&parsed.value, arena.allocator());

    var expected: Dom = .{ .objects = 3, .arrays = 1, .members = 3, .elements = 8, .key_bytes = 4 };
    expected.scalars = .{ .strings = 1, .numbers = 4, .trues = 1, .falses = 1, .nulls = 1, .string_bytes = 3 };
    for ([_]f64{ 1, 0, 2.5, 1.2345678901234568e29 }) |d| expected.scalars.number_checksum +%= mix(@bitCast(d));
    try std.testing.expectEqual(expected, dom);
}

test fold {
    const Shape = struct {
        name: []const u8,
        tags: std.json.ArrayHashMap([]const u8),
        size: ?i64,
        points: []const [2]f64,
        ok: bool,
    };
    const gpa = std.testing.allocator;
    const text =
        \\{"name":"ab","tags":{"1":"xyz","22":"w"},"size":null,"points":[[0.5,-0.0]],"ok":true}
    ;
    const parsed = try std.json.parseFromSlice(Shape, gpa, text, .{});
    defer parsed.deinit();
    var s: Scalars = .{};
    fold(&s, parsed.value);

    var expected: Scalars = .{ .strings = 3, .numbers = 2, .trues = 1, .nulls = 1, .string_bytes = 6 };
    expected.number_checksum = mix(@bitCast(@as(f64, 0.5))) +% mix(0);
    try std.testing.expectEqual(expected, s);
}

test "stats serialise as the SPEC's objects" {
    var buffer: [512]u8 = undefined;
    var w: std.Io.Writer = .fixed(&buffer);
    const dom: Dom = .{ .objects = 1, .scalars = .{ .number_checksum = 0xab } };
    try std.json.Stringify.value(dom, .{}, &w);
    try std.testing.expectEqualStrings(
        \\{"objects":1,"arrays":0,"members":0,"elements":0,"key_bytes":0,"strings":0,"numbers":0,"trues":0,"falses":0,"nulls":0,"string_bytes":0,"number_checksum":"00000000000000ab"}
    , w.buffered());
}
