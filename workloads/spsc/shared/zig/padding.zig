//! The padding rule of ../../SPEC.md: every index or flag that one thread
//! writes and the other reads sits alone in a 128-byte-aligned, 128-byte
//! block. 128, not std.atomic.cache_line's 64 on x86-64, because the
//! adjacent-line prefetcher pulls 64-byte lines in pairs.

const std = @import("std");

pub const block_bytes = 128;

/// Fails the build unless `Block` is exactly one aligned 128-byte block, so
/// neither the compiler's field ordering nor a neighbour can share it.
pub fn assertBlock(comptime Block: type) void {
    comptime std.debug.assert(@alignOf(Block) == block_bytes and @sizeOf(Block) == block_bytes);
}
