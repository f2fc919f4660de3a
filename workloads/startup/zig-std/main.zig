//! startup suite (see ../SPEC.md): print the 64-bit FNV-1a hash of the first
//! argument as 16 lower-case hex digits.

const std = @import("std");

pub fn main(init: std.process.Init) !u8 {
    var args = init.minimal.args.iterate();
    _ = args.skip(); // the program name
    const input = args.next() orelse {
        std.debug.print("usage: startup STRING\n", .{});
        return 2;
    };

    var buffer: [32]u8 = undefined;
    // Streaming: a positional writer would write at offset 0 of a file that
    // stdout was redirected to, whatever is already in it.
    var stdout = std.Io.File.stdout().writerStreaming(init.io, &buffer);
    try stdout.interface.print("{x:0>16}\n", .{std.hash.Fnv1a_64.hash(input)});
    try stdout.interface.flush();
    return 0;
}
