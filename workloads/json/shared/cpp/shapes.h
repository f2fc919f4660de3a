// Native types for the generated shapes of workloads/json/SPEC.md, and the typed stats folded
// over them. Field names follow C++ style; each decoder maps them to the JSON keys.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "json/shared/cpp/stats.h"

namespace json_suite {

// SPEC's `int`: fits in int64.
using Int = std::int64_t;
// A JSON object keyed by numeric strings (citm); the keys are keys, not string values.
template <class T>
using StringMap = std::unordered_map<std::string, T>;

// --- twitter ---------------------------------------------------------------------------------

struct User {
  Int id = 0;
  std::string id_str, name, screen_name, location, description;
  std::optional<std::string> url;
  Int followers_count = 0, friends_count = 0;
  bool verified = false;
  std::string created_at, profile_image_url;
};

struct Hashtag {
  std::string text;
  std::array<Int, 2> indices{};
};

struct Url {
  std::string url, expanded_url;
  std::array<Int, 2> indices{};
};

struct UserMention {
  std::string screen_name, name;
  Int id = 0;
  std::array<Int, 2> indices{};
};

struct Entities {
  std::vector<Hashtag> hashtags;
  std::vector<Url> urls;
  std::vector<UserMention> user_mentions;
};

struct Status {
  Int id = 0;
  std::string id_str, created_at, text, source;
  bool truncated = false;
  std::optional<Int> in_reply_to_status_id;
  User user;
  Entities entities;
  Int retweet_count = 0, favorite_count = 0;
  bool favorited = false, retweeted = false;
  std::string lang;
};

struct SearchMetadata {
  Int count = 0;
  double completed_in = 0;
  Int max_id = 0;
  std::string query, next_results;
};

struct Twitter {
  std::vector<Status> statuses;
  SearchMetadata search_metadata;
};

// --- citm ------------------------------------------------------------------------------------

struct Event {
  Int id = 0;
  std::string name;
  std::optional<std::string> description, logo;
  std::vector<Int> sub_topic_ids, topic_ids;
};

struct Area {
  Int area_id = 0;
  std::vector<Int> block_ids;
};

struct SeatCategory {
  Int seat_category_id = 0;
  std::vector<Area> areas;
};

struct Price {
  Int amount = 0, audience_sub_category_id = 0, seat_category_id = 0;
};

struct Performance {
  Int id = 0, event_id = 0, start = 0;
  std::string venue_code;
  std::optional<std::string> name, logo;
  std::vector<SeatCategory> seat_categories;
  std::vector<Price> prices;
};

struct Citm {
  StringMap<std::string> area_names;
  StringMap<Event> events;
  std::vector<Performance> performances;
  StringMap<std::string> topic_names;
};

// --- canada ----------------------------------------------------------------------------------

// A [longitude, latitude] pair.
using Point = std::array<double, 2>;

struct Properties {
  std::string name;
  double area = 0;
};

struct Geometry {
  std::string type;
  std::vector<std::vector<Point>> coordinates;
};

struct Feature {
  std::string type;
  Properties properties;
  Geometry geometry;
};

struct Canada {
  std::string type;
  std::vector<Feature> features;
};

// --- typed stats -----------------------------------------------------------------------------
// Fold(value, stats) adds every value inside `value` to `stats`, as SPEC's typed stats count.

inline void Fold(const std::string& v, TypedStats& s) { s.AddString(v.size()); }
inline void Fold(Int v, TypedStats& s) { s.AddNumber(static_cast<double>(v)); }
inline void Fold(double v, TypedStats& s) { s.AddNumber(v); }
inline void Fold(bool v, TypedStats& s) { s.AddBool(v); }

// Every overload is declared before any is defined, so each template below sees them all
// (ADL alone would not find the overloads for std::array or int64).
template <class T>
void Fold(const std::optional<T>& v, TypedStats& s);
template <class T>
void Fold(const std::vector<T>& v, TypedStats& s);
template <class T, std::size_t N>
void Fold(const std::array<T, N>& v, TypedStats& s);
template <class T>
void Fold(const StringMap<T>& v, TypedStats& s);
inline void Fold(const User& v, TypedStats& s);
inline void Fold(const Hashtag& v, TypedStats& s);
inline void Fold(const Url& v, TypedStats& s);
inline void Fold(const UserMention& v, TypedStats& s);
inline void Fold(const Entities& v, TypedStats& s);
inline void Fold(const Status& v, TypedStats& s);
inline void Fold(const SearchMetadata& v, TypedStats& s);
inline void Fold(const Event& v, TypedStats& s);
inline void Fold(const Area& v, TypedStats& s);
inline void Fold(const SeatCategory& v, TypedStats& s);
inline void Fold(const Price& v, TypedStats& s);
inline void Fold(const Performance& v, TypedStats& s);
inline void Fold(const Feature& v, TypedStats& s);

template <class T>
void Fold(const std::optional<T>& v, TypedStats& s) {
  if (v) {
    Fold(*v, s);
  } else {
    s.AddNull();
  }
}

template <class T>
void Fold(const std::vector<T>& v, TypedStats& s) {
  for (const T& x : v) Fold(x, s);
}

template <class T, std::size_t N>
void Fold(const std::array<T, N>& v, TypedStats& s) {
  for (const T& x : v) Fold(x, s);
}

template <class T>
void Fold(const StringMap<T>& v, TypedStats& s) {
  for (const auto& [key, x] : v) Fold(x, s);  // keys are keys, not string values
}

// Folds each argument in turn: one line per struct below.
template <class... T>
void FoldAll(TypedStats& s, const T&... fields) {
  (Fold(fields, s), ...);
}

inline void Fold(const User& v, TypedStats& s) {
  FoldAll(s, v.id, v.id_str, v.name, v.screen_name, v.location, v.description, v.url,
          v.followers_count, v.friends_count, v.verified, v.created_at, v.profile_image_url);
}
inline void Fold(const Hashtag& v, TypedStats& s) { FoldAll(s, v.text, v.indices); }
inline void Fold(const Url& v, TypedStats& s) { FoldAll(s, v.url, v.expanded_url, v.indices); }
inline void Fold(const UserMention& v, TypedStats& s) {
  FoldAll(s, v.screen_name, v.name, v.id, v.indices);
}
inline void Fold(const Entities& v, TypedStats& s) {
  FoldAll(s, v.hashtags, v.urls, v.user_mentions);
}
inline void Fold(const Status& v, TypedStats& s) {
  FoldAll(s, v.id, v.id_str, v.created_at, v.text, v.source, v.truncated, v.in_reply_to_status_id,
          v.user, v.entities, v.retweet_count, v.favorite_count, v.favorited, v.retweeted, v.lang);
}
inline void Fold(const SearchMetadata& v, TypedStats& s) {
  FoldAll(s, v.count, v.completed_in, v.max_id, v.query, v.next_results);
}
inline void Fold(const Event& v, TypedStats& s) {
  FoldAll(s, v.id, v.name, v.description, v.logo, v.sub_topic_ids, v.topic_ids);
}
inline void Fold(const Area& v, TypedStats& s) { FoldAll(s, v.area_id, v.block_ids); }
inline void Fold(const SeatCategory& v, TypedStats& s) { FoldAll(s, v.seat_category_id, v.areas); }
inline void Fold(const Price& v, TypedStats& s) {
  FoldAll(s, v.amount, v.audience_sub_category_id, v.seat_category_id);
}
inline void Fold(const Performance& v, TypedStats& s) {
  FoldAll(s, v.id, v.event_id, v.start, v.venue_code, v.name, v.logo, v.seat_categories, v.prices);
}
inline void Fold(const Feature& v, TypedStats& s) {
  FoldAll(s, v.type, v.properties.name, v.properties.area, v.geometry.type, v.geometry.coordinates);
}

// The typed stats of a decoded document.
template <class Shape>
TypedStats TypedStatsOf(const Shape& doc) {
  TypedStats s;
  if constexpr (std::is_same_v<Shape, Twitter>) {
    FoldAll(s, doc.statuses, doc.search_metadata);
  } else if constexpr (std::is_same_v<Shape, Citm>) {
    FoldAll(s, doc.area_names, doc.events, doc.performances, doc.topic_names);
  } else {
    static_assert(std::is_same_v<Shape, Canada>);
    FoldAll(s, doc.type, doc.features);
  }
  return s;
}

}  // namespace json_suite
