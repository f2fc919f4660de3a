//! The `Date` header's text: an IMF-fixdate (RFC 9110 §5.6.7), e.g.
//! "Tue, 29 Feb 2000 00:00:00 GMT". std has no HTTP-date formatter, so it
//! is built here from std.time.epoch's calendar arithmetic.

const std = @import("std");
const epoch = std.time.epoch;

/// Every IMF-fixdate is this long: the servers keep it in a fixed array.
pub const len = "Thu, 01 Jan 1970 00:00:00 GMT".len;
pub const Text = [len]u8;

const day_names = [7]*const [3]u8{ "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" };
const month_names = [12]*const [3]u8{ "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/// The IMF-fixdate of `unix_seconds` (seconds since 1970-01-01 00:00:00 UTC,
/// up to the end of year 9999, the format's last four-digit year).
pub fn format(unix_seconds: u64) Text {
    const seconds: epoch.EpochSeconds = .{ .secs = unix_seconds };
    const day = seconds.getEpochDay();
    const year_day = day.calculateYearDay();
    const month_day = year_day.calculateMonthDay();
    const time = seconds.getDaySeconds();

    var text: Text = undefined;
    // 1970-01-01, epoch day 0, was a Thursday: day_names starts there.
    text[0..3].* = day_names[day.day % 7].*;
    text[3..5].* = ", ".*;
    text[5..7].* = twoDigits(@as(u8, month_day.day_index) + 1);
    text[7] = ' ';
    text[8..11].* = month_names[@as(usize, month_day.month.numeric()) - 1].*;
    text[11] = ' ';
    text[12..14].* = twoDigits(@intCast(year_day.year / 100));
    text[14..16].* = twoDigits(@intCast(year_day.year % 100));
    text[16] = ' ';
    text[17..19].* = twoDigits(time.getHoursIntoDay());
    text[19] = ':';
    text[20..22].* = twoDigits(time.getMinutesIntoHour());
    text[22] = ':';
    text[23..25].* = twoDigits(time.getSecondsIntoMinute());
    text[25..29].* = " GMT".*;
    return text;
}

fn twoDigits(n: u8) [2]u8 {
    return .{ '0' + n / 10, '0' + n % 10 };
}

/// The Date text of the current second, reformatted only when the second
/// changes (TechEmpower allows a cache refreshed once a second). Each thread
/// keeps its own, so nothing is shared between threads.
pub const Cache = struct {
    /// The second `text` shows; maxInt until the first update.
    second: u64 = std.math.maxInt(u64),
    text: Text = undefined,

    /// Brings the text up to `unix_seconds` (the caller's clock reading).
    pub fn update(cache: *Cache, unix_seconds: u64) void {
        if (unix_seconds == cache.second) return;
        cache.second = unix_seconds;
        cache.text = format(unix_seconds);
    }
};

test format {
    const cases = [_]struct { u64, []const u8 }{
        .{ 0, "Thu, 01 Jan 1970 00:00:00 GMT" },
        .{ 951782400, "Tue, 29 Feb 2000 00:00:00 GMT" },
        .{ 68169600, "Tue, 29 Feb 1972 00:00:00 GMT" },
        .{ 1709251199, "Thu, 29 Feb 2024 23:59:59 GMT" },
        .{ 1764622800, "Mon, 01 Dec 2025 21:00:00 GMT" },
        // 2100 is not a leap year: February ends on the 28th.
        .{ 4107542399, "Sun, 28 Feb 2100 23:59:59 GMT" },
        .{ 4107542400, "Mon, 01 Mar 2100 00:00:00 GMT" },
        .{ 253402300799, "Fri, 31 Dec 9999 23:59:59 GMT" },
    };
    for (cases) |case| try std.testing.expectEqualStrings(case[1], &format(case[0]));
}

test Cache {
    var cache: Cache = .{};
    cache.update(0);
    try std.testing.expectEqualStrings("Thu, 01 Jan 1970 00:00:00 GMT", &cache.text);
    cache.update(951782400);
    try std.testing.expectEqualStrings("Tue, 29 Feb 2000 00:00:00 GMT", &cache.text);
    cache.update(951782401);
    try std.testing.expectEqualStrings("Tue, 29 Feb 2000 00:00:01 GMT", &cache.text);
}
