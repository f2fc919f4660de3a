//! request-arena (../../SPEC.md): per request, a random tree of NODES nodes
//! with a payload each, walked once, then released as a whole through the
//! Store (store.zig): block by block, or in one step by an arena.

const std = @import("std");
const Allocator = std.mem.Allocator;
const SplitMix64 = @import("random.zig").SplitMix64;

pub const Result = struct { requests: u64, checksum: u64 };

pub const Node = struct {
    /// The most recently added child: children are in reverse order of creation.
    first_child: ?*Node = null,
    next_sibling: ?*Node = null,
    value: u64,
    depth: u64,
    payload: []u8,

    fn create(a: Allocator, depth: u64, value: u64) Allocator.Error!*Node {
        const node = try a.create(Node);
        errdefer a.destroy(node);
        const payload = try a.alloc(u8, 8 + value % 57);
        @memset(payload, @truncate(value));
        node.* = .{ .value = value, .depth = depth, .payload = payload };
        return node;
    }

    /// Frees the tree under `root` (root included), payload and node one
    /// by one, without recursion or a stack: the nodes still to free form
    /// a list through `next_sibling`, and each freed node's children are
    /// spliced in at its front. Trees can be deep (a chain at worst).
    pub fn destroy(root: *Node, a: Allocator) void {
        std.debug.assert(root.next_sibling == null);
        var pending: ?*Node = root;
        while (pending) |node| {
            pending = node.next_sibling;
            if (node.first_child) |first| {
                var last = first;
                while (last.next_sibling) |next| last = next;
                last.next_sibling = pending;
                pending = first;
            }
            a.free(node.payload);
            a.destroy(node);
        }
    }
};

/// Builds one request's tree: node 0's value first, then for each further
/// node its parent, then its value.
fn build(a: Allocator, nodes: usize, random: *SplitMix64) Allocator.Error!*Node {
    // Node i's parent is any earlier node, so the nodes are kept by index
    // while the tree grows.
    const by_index = try a.alloc(*Node, nodes);
    defer a.free(by_index);
    by_index[0] = try Node.create(a, 0, random.next());
    for (1..nodes) |i| {
        const parent = by_index[random.next() % i];
        const node = try Node.create(a, parent.depth + 1, random.next());
        node.next_sibling = parent.first_child;
        parent.first_child = node;
        by_index[i] = node;
    }
    return by_index[0];
}

/// A depth-first walk on an explicit stack: the sum over every node of
/// (value ^ depth) + len + the payload's last byte, mod 2^64.
fn checksum(a: Allocator, root: *const Node, nodes: usize) Allocator.Error!u64 {
    // Every node is pushed exactly once, so `nodes` slots are enough.
    const stack = try a.alloc(*const Node, nodes);
    defer a.free(stack);
    stack[0] = root;
    var len: usize = 1;
    var sum: u64 = 0;
    while (len > 0) {
        len -= 1;
        const node = stack[len];
        sum +%= (node.value ^ node.depth) +% node.payload.len +% node.payload[node.payload.len - 1];
        var child = node.first_child;
        while (child) |c| : (child = c.next_sibling) {
            stack[len] = c;
            len += 1;
        }
    }
    return sum;
}

/// One iteration: REQUESTS requests, request r on a generator seeded with
/// SEED + r, each built from `store` and released through it.
pub fn run(comptime Store: type, store: *Store, requests: u64, nodes: usize, seed: u64) Allocator.Error!Result {
    var total: u64 = 0;
    var r: u64 = 0;
    while (r < requests) : (r += 1) {
        var random: SplitMix64 = .init(seed +% r);
        const a = store.allocator();
        const root = try build(a, nodes, &random);
        total +%= try checksum(a, root, nodes);
        store.release(root);
    }
    return .{ .requests = requests, .checksum = total };
}

const TestStore = @import("store.zig").Individually(std.testing.allocator);

test "request-arena gives the SPEC's checksums and frees every block" {
    var store = TestStore.init();
    try std.testing.expectEqual(Result{ .requests = 2, .checksum = 13850122870799849890 }, try run(TestStore, &store, 2, 5, 42));
    try std.testing.expectEqual(Result{ .requests = 20, .checksum = 13882999698149200982 }, try run(TestStore, &store, 20, 500, 42));
}

test "a request of one node adds (value ^ 0) + len + value's low byte" {
    var store = TestStore.init();
    var random: SplitMix64 = .init(7);
    const value = random.next();
    const len = 8 + value % 57;
    try std.testing.expectEqual(Result{ .requests = 1, .checksum = value +% len +% (value & 0xFF) }, try run(TestStore, &store, 1, 1, 7));
}

test "build links children newest first with their depths, and destroy frees a deep chain" {
    const a = std.testing.allocator;
    var random: SplitMix64 = .init(1);
    const root = try build(a, 3, &random);
    defer root.destroy(a);
    // Replay the draws: v0, (p1 = 0), v1, p2, v2.
    var replay: SplitMix64 = .init(1);
    const v0 = replay.next();
    _ = replay.next();
    const v1 = replay.next();
    const p2 = replay.next() % 2;
    const v2 = replay.next();
    try std.testing.expectEqual(v0, root.value);
    const n1, const n2 = if (p2 == 0)
        // Both are the root's children, the newest first.
        .{ root.first_child.?.next_sibling.?, root.first_child.? }
    else
        .{ root.first_child.?, root.first_child.?.first_child.? };
    try std.testing.expectEqual(v1, n1.value);
    try std.testing.expectEqual(@as(u64, 1), n1.depth);
    try std.testing.expectEqual(v2, n2.value);
    try std.testing.expectEqual(p2 + 1, n2.depth);
    try std.testing.expectEqual(@as(usize, 8 + v2 % 57), n2.payload.len);
    try std.testing.expectEqual(@as(u8, @truncate(v2)), n2.payload[n2.payload.len - 1]);

    // A chain far deeper than any recursion could take.
    const chain = try Node.create(a, 0, 0);
    var tail = chain;
    for (1..100_000) |d| {
        tail.first_child = try Node.create(a, d, d);
        tail = tail.first_child.?;
    }
    chain.destroy(a);
}
