//! Where a tier's memory comes from and how a whole structure (a binary
//! tree, a request) goes back. The operations are written once against
//! this interface; a tier's main.zig picks the Store type:
//!
//!     pub const frees_each_block: bool // may churn run on it?
//!     fn init() Store
//!     fn allocator(s: *Store) std.mem.Allocator
//!     fn release(s: *Store, root: anytype) void // root: *T with T.destroy(root, Allocator)
//!     fn deinit(s: *Store) void
//!
//! `release` ends a structure's lifetime: a general-purpose allocator
//! frees it block by block (the structure's own `destroy`), an arena
//! drops everything it handed out in one step.

const std = @import("std");
const Allocator = std.mem.Allocator;

/// A general-purpose allocator: every block is allocated and freed on its
/// own (the `default` and `mimalloc` tiers).
pub fn Individually(comptime gpa: Allocator) type {
    return struct {
        const Self = @This();

        pub const frees_each_block = true;

        pub fn init() Self {
            return .{};
        }

        pub fn allocator(_: *Self) Allocator {
            return gpa;
        }

        pub fn release(_: *Self, root: anytype) void {
            root.destroy(gpa);
        }

        pub fn deinit(_: *Self) void {}
    };
}

test Individually {
    const Pair = struct {
        a: *u64,
        b: *u64,

        fn destroy(p: *@This(), a: Allocator) void {
            a.destroy(p.a);
            a.destroy(p.b);
            a.destroy(p);
        }
    };
    // The testing allocator fails the test if release leaks a block.
    var s = Individually(std.testing.allocator).init();
    defer s.deinit();
    const a = s.allocator();
    const p = try a.create(Pair);
    p.* = .{ .a = try a.create(u64), .b = try a.create(u64) };
    s.release(p);
}
