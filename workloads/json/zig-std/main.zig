//! json suite (see ../SPEC.md) with Zig's standard library: `parse-dom` into
//! `std.json.Value`, `parse-typed` into the shapes' structs, `serialize` of a
//! `Value` tree with `std.json.Stringify`.
//!
//! Validation is std.json's own: its scanner rejects invalid UTF-8 (overlong
//! forms, surrogates, code points past U+10FFFF) and unpaired `\u` surrogate
//! escapes, and numbers go through `std.fmt.parseFloat`, which rounds
//! correctly. No extra pass is needed.

const std = @import("std");
const benchlib = @import("benchlib");
const stats = @import("stats.zig");
const shapes = @import("shapes.zig");

const Operation = enum { @"parse-dom", @"parse-typed", serialize };
const Shape = enum { twitter, citm, canada, user };

/// `std.json.Stringify` recurses once per nesting level, so `serialize`
/// refuses deeper documents, as the SPEC allows; the parsers need no limit.
const max_serialize_depth = 128;

pub fn main(init: std.process.Init) void {
    const bench: benchlib.Bench = .init(init);

    const op_name = bench.requireParam("OP");
    const operation = std.meta.stringToEnum(Operation, op_name) orelse
        bench.fail("unknown operation {s}: expected parse-dom, parse-typed or serialize", .{op_name});
    const shape_name = bench.requireParam("SHAPE");
    const shape = std.meta.stringToEnum(Shape, shape_name) orelse
        bench.fail("unknown shape {s}: expected twitter, citm, canada or user", .{shape_name});
    const path = bench.requireParam("INPUT");
    const input = std.Io.Dir.cwd().readFileAlloc(init.io, path, init.gpa, .unlimited) catch |err|
        bench.fail("{s}: cannot read: {t}", .{ path, err });

    switch (operation) {
        .@"parse-dom" => runParse(std.json.Value, &bench, path, input),
        .@"parse-typed" => switch (shape) {
            .twitter => runParse(shapes.Twitter, &bench, path, input),
            .citm => runParse(shapes.Citm, &bench, path, input),
            .canada => runParse(shapes.Canada, &bench, path, input),
            .user => bench.fail("parse-typed needs a generated shape (twitter, citm or canada), not {s}", .{shape_name}),
        },
        .serialize => runSerialize(&bench, init.io, path, input),
    }
}

fn parseOptions(comptime T: type) std.json.ParseOptions {
    // In the DOM, a repeated key keeps its last value, as benchctl's
    // reference (nlohmann_json) does; std.json's default is to fail.
    // The typed shapes have no repeated keys, so there it stays an error.
    return if (T == std.json.Value) .{ .duplicate_field_behavior = .use_last } else .{};
}

fn runParse(comptime T: type, bench: *const benchlib.Bench, path: []const u8, input: []const u8) void {
    var context: Parse(T) = .{
        .path = path,
        .input = input,
        .buffer = bench.gpa.alloc(u8, input.len) catch bench.fail("out of memory", .{}),
        .arena = .init(std.heap.page_allocator),
    };
    bench.setupDone();
    benchlib.run(bench, &context, .{ .bytes_per_iteration = input.len });
}

fn Parse(comptime T: type) type {
    return struct {
        path: []const u8,
        input: []const u8,
        /// What each iteration copies the input into and parses from.
        buffer: []u8,
        /// Holds one iteration's tree; reset, capacity kept, by the next.
        arena: std.heap.ArenaAllocator,

        const Result = if (T == std.json.Value) stats.Dom else stats.Scalars;

        pub fn iteration(self: *@This()) !Result {
            _ = self.arena.reset(.retain_capacity);
            const arena = self.arena.allocator();
            @memcpy(self.buffer, self.input);
            const value = try std.json.parseFromSliceLeaky(T, arena, self.buffer, parseOptions(T));
            if (T == std.json.Value) return stats.ofValue(&value, arena);
            var scalars: stats.Scalars = .{};
            stats.fold(&scalars, value);
            return scalars;
        }

        pub fn describeError(self: *@This(), err: anyerror, writer: *std.Io.Writer) std.Io.Writer.Error!void {
            return describeParseError(T, self.path, self.input, err, writer);
        }
    };
}

/// Names the file and where parsing stopped. The timed parse runs without
/// diagnostics (they count lines on every newline), so this parses again
/// with them enabled; it fails at the same place.
fn describeParseError(comptime T: type, path: []const u8, input: []const u8, err: anyerror, writer: *std.Io.Writer) std.Io.Writer.Error!void {
    if (err == error.OutOfMemory) return writer.print("{s}: out of memory", .{path});
    if (err == error.NumberOutOfRange) return writer.print("{s}: a number is outside the range of a 64-bit float", .{path});

    var arena: std.heap.ArenaAllocator = .init(std.heap.page_allocator);
    defer arena.deinit();
    var diagnostics: std.json.Diagnostics = .{};
    var scanner: std.json.Scanner = .initCompleteInput(arena.allocator(), input);
    scanner.enableDiagnostics(&diagnostics);
    _ = std.json.parseFromTokenSourceLeaky(T, arena.allocator(), &scanner, parseOptions(T)) catch {};
    const offset = diagnostics.getByteOffset();

    // The scanner reports bad UTF-8 as a plain syntax error; say which it was.
    if (firstInvalidUtf8(input)) |bad| if (bad <= offset) {
        return writer.print("{s}: invalid UTF-8 at byte {d}", .{ path, bad });
    };
    const what = switch (err) {
        error.SyntaxError => "syntax error",
        error.UnexpectedEndOfInput => "unexpected end of input",
        else => if (T == std.json.Value) "invalid document" else "does not match the " ++ T.schema_name ++ " schema",
    };
    try writer.print("{s}: {s} ({t}) at line {d} column {d} (byte {d})", .{
        path, what, err, diagnostics.getLine(), diagnostics.getColumn(), offset,
    });
}

fn firstInvalidUtf8(bytes: []const u8) ?usize {
    var i: usize = 0;
    while (i < bytes.len) {
        const len = std.unicode.utf8ByteSequenceLength(bytes[i]) catch return i;
        if (bytes.len - i < len) return i;
        _ = std.unicode.utf8Decode(bytes[i..][0..len]) catch return i;
        i += len;
    }
    return null;
}

fn runSerialize(bench: *const benchlib.Bench, io: std.Io, path: []const u8, input: []const u8) void {
    const output_path = bench.requireParam("OUTPUT");

    // The tree lives for the whole process; serializing it is what is timed.
    var tree_arena: std.heap.ArenaAllocator = .init(std.heap.page_allocator);
    const root = std.json.parseFromSliceLeaky(std.json.Value, tree_arena.allocator(), input, parseOptions(std.json.Value)) catch |err| {
        var message: std.Io.Writer.Allocating = .init(bench.gpa);
        describeParseError(std.json.Value, path, input, err, &message.writer) catch {};
        bench.fail("{s}", .{message.written()});
    };
    const depth = nestingDepth(input) catch |err| bench.fail("{s}: {t}", .{ path, err });
    // The same number check parse-dom makes, so serialize accepts exactly what it accepts.
    _ = stats.ofValue(&root, tree_arena.allocator()) catch |err| switch (err) {
        error.NumberOutOfRange => bench.fail("{s}: a number is outside the range of a 64-bit float", .{path}),
        error.OutOfMemory => bench.fail("{s}: out of memory", .{path}),
    };
    if (depth > max_serialize_depth)
        bench.fail("{s}: nesting too deep for serialize ({d} levels, limit {d})", .{ path, depth, max_serialize_depth });

    var context: Serialize = .{ .root = root, .out = .init(bench.gpa) };
    // The self-check's output goes to the file benchctl re-parses. The body
    // is deterministic, so one untimed run here writes exactly it, and sizes
    // the reused buffer.
    _ = context.iteration() catch bench.fail("serialize: out of memory", .{});
    std.Io.Dir.cwd().writeFile(io, .{ .sub_path = output_path, .data = context.out.written() }) catch |err|
        bench.fail("{s}: cannot write: {t}", .{ output_path, err });

    bench.setupDone();
    // The input document's size, as every implementation reports it (not the output's).
    benchlib.run(bench, &context, .{ .bytes_per_iteration = input.len });
}

/// The deepest `[`/`{` nesting of a document already known to be valid.
fn nestingDepth(input: []const u8) !usize {
    var scanner: std.json.Scanner = .initCompleteInput(std.heap.page_allocator, input);
    defer scanner.deinit();
    var deepest: usize = 0;
    while (try scanner.next() != .end_of_document) deepest = @max(deepest, scanner.stackHeight());
    return deepest;
}

const Serialize = struct {
    root: std.json.Value,
    /// Cleared, capacity kept, by each iteration.
    out: std.Io.Writer.Allocating,

    const Result = struct { output_bytes: usize };

    pub fn iteration(self: *Serialize) !Result {
        self.out.clearRetainingCapacity();
        try std.json.Stringify.value(self.root, .{}, &self.out.writer);
        return .{ .output_bytes = self.out.written().len };
    }
};
