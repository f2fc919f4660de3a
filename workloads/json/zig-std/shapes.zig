//! Native types for the SPEC's generated shapes, parsed by std.json's
//! reflection-driven `parseFromSliceLeaky`. Field order follows the SPEC;
//! `T | null` is `?T`; objects keyed by numeric strings are
//! `std.json.ArrayHashMap`. Unknown fields are parse errors, so a document
//! that strays from its schema is reported rather than half-read.

const std = @import("std");

/// `[int, int]` text offsets.
const Indices = [2]i64;

pub const Twitter = struct {
    pub const schema_name = "twitter";

    statuses: []const Status,
    search_metadata: Meta,

    const Status = struct {
        id: i64,
        id_str: []const u8,
        created_at: []const u8,
        text: []const u8,
        source: []const u8,
        truncated: bool,
        in_reply_to_status_id: ?i64,
        user: User,
        entities: Entities,
        retweet_count: i64,
        favorite_count: i64,
        favorited: bool,
        retweeted: bool,
        lang: []const u8,
    };

    const User = struct {
        id: i64,
        id_str: []const u8,
        name: []const u8,
        screen_name: []const u8,
        location: []const u8,
        description: []const u8,
        url: ?[]const u8,
        followers_count: i64,
        friends_count: i64,
        verified: bool,
        created_at: []const u8,
        profile_image_url: []const u8,
    };

    const Entities = struct {
        hashtags: []const struct { text: []const u8, indices: Indices },
        urls: []const struct { url: []const u8, expanded_url: []const u8, indices: Indices },
        user_mentions: []const struct { screen_name: []const u8, name: []const u8, id: i64, indices: Indices },
    };

    const Meta = struct {
        count: i64,
        completed_in: f64,
        max_id: i64,
        query: []const u8,
        next_results: []const u8,
    };
};

pub const Citm = struct {
    pub const schema_name = "citm";

    areaNames: std.json.ArrayHashMap([]const u8),
    events: std.json.ArrayHashMap(Event),
    performances: []const Performance,
    topicNames: std.json.ArrayHashMap([]const u8),

    const Event = struct {
        id: i64,
        name: []const u8,
        description: ?[]const u8,
        logo: ?[]const u8,
        subTopicIds: []const i64,
        topicIds: []const i64,
    };

    const Performance = struct {
        id: i64,
        eventId: i64,
        start: i64,
        venueCode: []const u8,
        name: ?[]const u8,
        logo: ?[]const u8,
        seatCategories: []const struct {
            seatCategoryId: i64,
            areas: []const struct { areaId: i64, blockIds: []const i64 },
        },
        prices: []const struct { amount: i64, audienceSubCategoryId: i64, seatCategoryId: i64 },
    };
};

pub const Canada = struct {
    pub const schema_name = "canada";

    type: []const u8,
    features: []const Feature,

    const Feature = struct {
        type: []const u8,
        properties: struct { name: []const u8, area: f64 },
        geometry: struct {
            type: []const u8,
            coordinates: []const []const [2]f64,
        },
    };
};
