//! Pinning threads to CPUs (../../SPEC.md): the producer takes the lowest
//! CPU of the process's mask, the consumer the second lowest, and each
//! reads its own mask back.

const std = @import("std");
const linux = std.os.linux;

pub const CpuSet = linux.cpu_set_t;
const Word = @typeInfo(CpuSet).array.child;
const word_bits = @bitSizeOf(Word);
pub const max_cpus = @typeInfo(CpuSet).array.len * word_bits;

/// A set holding `cpu` alone.
pub fn only(cpu: usize) CpuSet {
    var set: CpuSet = @splat(0);
    set[cpu / word_bits] = @as(Word, 1) << @intCast(cpu % word_bits);
    return set;
}

pub fn contains(set: CpuSet, cpu: usize) bool {
    return set[cpu / word_bits] >> @intCast(cpu % word_bits) & 1 != 0;
}

pub fn count(set: CpuSet) usize {
    var n: usize = 0;
    for (set) |word| n += @popCount(word);
    return n;
}

/// The `index`-th lowest CPU of `set` (0 for the lowest), if it has that many.
pub fn nth(set: CpuSet, index: usize) ?usize {
    var seen: usize = 0;
    for (0..max_cpus) |cpu| {
        if (!contains(set, cpu)) continue;
        if (seen == index) return cpu;
        seen += 1;
    }
    return null;
}

/// Writes `set` as a CPU list, the way taskset and /proc print it: "0-3,8".
pub fn formatList(set: CpuSet, w: *std.Io.Writer) std.Io.Writer.Error!void {
    var first = true;
    var cpu: usize = 0;
    while (cpu < max_cpus) : (cpu += 1) {
        if (!contains(set, cpu)) continue;
        var last = cpu;
        while (last + 1 < max_cpus and contains(set, last + 1)) last += 1;
        if (!first) try w.writeByte(',');
        first = false;
        if (last == cpu) try w.print("{d}", .{cpu}) else try w.print("{d}-{d}", .{ cpu, last });
        cpu = last;
    }
    if (first) try w.writeAll("none");
}

/// The calling thread's CPU mask. Read by the main thread before it pins
/// itself, it is the mask benchctl started the process with.
pub fn callingThreadMask() error{SchedGetaffinityFailed}!CpuSet {
    var set: CpuSet = undefined;
    const rc = linux.sched_getaffinity(0, @sizeOf(CpuSet), &set);
    if (linux.errno(rc) != .SUCCESS) return error.SchedGetaffinityFailed;
    return set;
}

/// Why a thread is not where it was asked to run.
pub const Failure = union(enum) {
    /// sched_setaffinity refused the CPU.
    refused,
    /// sched_getaffinity failed on the way back.
    unreadable,
    /// The mask read back is not that CPU alone.
    wrong_mask: CpuSet,
};

/// Pins the calling thread to `cpu` alone and checks its mask reads back
/// as exactly that; null when it does.
pub fn pinCallingThread(cpu: usize) ?Failure {
    // pid 0: the calling thread, not the whole process.
    linux.sched_setaffinity(0, &only(cpu)) catch return .refused;
    const mask = callingThreadMask() catch return .unreadable;
    if (!std.mem.eql(Word, &mask, &only(cpu))) return .{ .wrong_mask = mask };
    return null;
}

/// Writes why `thread` ("producer" or "consumer") could not be pinned.
pub fn describe(failure: Failure, thread: []const u8, cpu: usize, w: *std.Io.Writer) std.Io.Writer.Error!void {
    switch (failure) {
        .refused => try w.print("cannot pin the {s} thread to CPU {d}: sched_setaffinity refused it", .{ thread, cpu }),
        .unreadable => try w.print("cannot read the {s} thread's CPU mask back after pinning it to CPU {d}: sched_getaffinity failed", .{ thread, cpu }),
        .wrong_mask => |mask| {
            try w.print("the {s} thread was pinned to CPU {d} but its CPU mask reads back as ", .{ thread, cpu });
            try formatList(mask, w);
        },
    }
}

fn setOf(cpus: []const usize) CpuSet {
    var set: CpuSet = @splat(0);
    for (cpus) |cpu| set[cpu / word_bits] |= only(cpu)[cpu / word_bits];
    return set;
}

fn expectList(expected: []const u8, set: CpuSet) !void {
    var buffer: [128]u8 = undefined;
    var w: std.Io.Writer = .fixed(&buffer);
    try formatList(set, &w);
    try std.testing.expectEqualStrings(expected, w.buffered());
}

test "sets: only, contains, count, nth" {
    const set = setOf(&.{ 3, 64, 65, max_cpus - 1 });
    try std.testing.expectEqual(@as(usize, 4), count(set));
    try std.testing.expect(contains(set, 64) and !contains(set, 63));
    try std.testing.expectEqual(@as(?usize, 3), nth(set, 0));
    try std.testing.expectEqual(@as(?usize, 64), nth(set, 1));
    try std.testing.expectEqual(@as(?usize, max_cpus - 1), nth(set, 3));
    try std.testing.expectEqual(@as(?usize, null), nth(set, 4));
    try std.testing.expectEqual(@as(usize, 1), count(only(70)));
    try std.testing.expectEqual(@as(?usize, 70), nth(only(70), 0));
    try std.testing.expectEqual(@as(?usize, null), nth(only(70), 1));
}

test formatList {
    try expectList("0-2,5,7-8", setOf(&.{ 0, 1, 2, 5, 7, 8 }));
    try expectList("1", only(1));
    try expectList("63-64", setOf(&.{ 63, 64 }));
    try expectList("none", @splat(0));
}

test describe {
    var buffer: [128]u8 = undefined;
    var w: std.Io.Writer = .fixed(&buffer);
    try describe(.{ .wrong_mask = setOf(&.{ 0, 1 }) }, "consumer", 1, &w);
    try std.testing.expectEqualStrings("the consumer thread was pinned to CPU 1 but its CPU mask reads back as 0-1", w.buffered());
}

test pinCallingThread {
    // Pins a scratch thread, so the test runner's own mask is left alone.
    const Probe = struct {
        fn run(cpu: usize, failure: *?Failure) void {
            failure.* = pinCallingThread(cpu);
        }
    };
    const lowest = nth(try callingThreadMask(), 0).?;
    var failure: ?Failure = undefined;
    const thread = try std.Thread.spawn(.{}, Probe.run, .{ lowest, &failure });
    thread.join();
    try std.testing.expectEqual(@as(?Failure, null), failure);
}
