//! binary-trees (../../SPEC.md): the Benchmarks Game program,
//! single-threaded, every node allocated on its own from a Store
//! (store.zig). Recursion is fine here: the depth is at most 25.

const std = @import("std");
const Allocator = std.mem.Allocator;

pub const min_depth = 4;
/// Step 3's depths 4, 6, … up to the largest DEPTH, 24.
pub const max_rows = (24 - min_depth) / 2 + 1;

pub const Node = struct {
    left: ?*Node,
    right: ?*Node,

    /// bottomUp(depth): a node whose children are bottomUp(depth − 1); a
    /// leaf at depth 0.
    pub fn bottomUp(a: Allocator, depth: u64) Allocator.Error!*Node {
        const node = try a.create(Node);
        node.* = if (depth == 0)
            .{ .left = null, .right = null }
        else
            .{ .left = try bottomUp(a, depth - 1), .right = try bottomUp(a, depth - 1) };
        return node;
    }

    pub fn check(node: *const Node) u64 {
        const left = node.left orelse return 1;
        return 1 + left.check() + node.right.?.check();
    }

    /// Frees the tree node by node, children first.
    pub fn destroy(node: *Node, a: Allocator) void {
        if (node.left) |left| {
            left.destroy(a);
            node.right.?.destroy(a);
        }
        a.destroy(node);
    }
};

/// Step 3's rows: [depth, trees built, sum of their checks].
pub const Rows = struct {
    len: usize = 0,
    /// Unused rows stay zero, so two Results compare equal field by field.
    rows: [max_rows][3]u64 = @splat(.{ 0, 0, 0 }),

    pub fn jsonStringify(self: Rows, jws: anytype) !void {
        try jws.write(self.rows[0..self.len]);
    }
};

/// The verification value, fields in the SPEC's order.
pub const Result = struct {
    stretch: u64,
    trees: Rows,
    long_lived: u64,
};

/// One iteration with max depth max(`depth`, 6). Each tree's nodes come
/// from `long_lived` (the tree kept through step 3) or `short_lived` (every
/// other tree, one at a time), and each tree is released when it is freed.
pub fn run(comptime Store: type, long_lived: *Store, short_lived: *Store, depth: u64) Allocator.Error!Result {
    const max = @max(depth, 6);

    const stretch_tree = try Node.bottomUp(short_lived.allocator(), max + 1);
    const stretch = stretch_tree.check();
    short_lived.release(stretch_tree);

    const long_lived_tree = try Node.bottomUp(long_lived.allocator(), max);

    var trees: Rows = .{};
    var d: u64 = min_depth;
    while (d <= max) : (d += 2) {
        const n = @as(u64, 1) << @intCast(max - d + min_depth);
        var sum: u64 = 0;
        for (0..n) |_| {
            const tree = try Node.bottomUp(short_lived.allocator(), d);
            sum += tree.check();
            short_lived.release(tree);
        }
        trees.rows[trees.len] = .{ d, n, sum };
        trees.len += 1;
    }

    const long_lived_check = long_lived_tree.check();
    long_lived.release(long_lived_tree);
    return .{ .stretch = stretch, .trees = trees, .long_lived = long_lived_check };
}

fn expectJson(expected: []const u8, result: Result) !void {
    var buffer: [512]u8 = undefined;
    var w: std.Io.Writer = .fixed(&buffer);
    try std.json.Stringify.value(result, .{}, &w);
    try std.testing.expectEqualStrings(expected, w.buffered());
}

test "binary-trees at DEPTH=10 gives the SPEC's values and frees every node" {
    const Store = @import("store.zig").Individually(std.testing.allocator);
    var long_lived = Store.init();
    var short_lived = Store.init();
    const result = try run(Store, &long_lived, &short_lived, 10);
    try expectJson(
        \\{"stretch":4095,"trees":[[4,1024,31744],[6,256,32512],[8,64,32704],[10,16,32752]],"long_lived":2047}
    , result);
    // A second run compares equal field by field (unused rows included).
    try std.testing.expect(std.meta.eql(result, try run(Store, &long_lived, &short_lived, 10)));
}

test "binary-trees at the smallest DEPTH, 6" {
    const Store = @import("store.zig").Individually(std.testing.allocator);
    var long_lived = Store.init();
    var short_lived = Store.init();
    // check(bottomUp(d)) = 2^(d+1) − 1; n = 2^(6 − d + 4).
    try expectJson(
        \\{"stretch":255,"trees":[[4,64,1984],[6,16,2032]],"long_lived":127}
    , try run(Store, &long_lived, &short_lived, 6));
}

test "Node.check counts every node" {
    var leaves: [2]Node = .{ .{ .left = null, .right = null }, .{ .left = null, .right = null } };
    const root: Node = .{ .left = &leaves[0], .right = &leaves[1] };
    try std.testing.expectEqual(@as(u64, 3), root.check());
    try std.testing.expectEqual(@as(u64, 1), leaves[0].check());
}
