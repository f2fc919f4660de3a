// simdjson On-Demand decoding into the shapes' native types (json/shared/cpp/shapes.h).
//
// Values are converted where they are read and errors surface as simdjson_error exceptions.
// Objects are decoded by iterating their fields (DecodeObject) rather than with operator[]
// lookups: On-Demand checks only the text it walks, and lookups stop after the last wanted
// field, so a malformed tail such as `"lang":"en",,}` would pass unnoticed.
#pragma once

#include <simdjson.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json/shared/cpp/shapes.h"

namespace json_suite {

namespace ondemand = simdjson::ondemand;

// Decode(value, out) reads one JSON value into `out`, throwing simdjson_error if it does not
// have the expected type. All overloads are declared before the templates that use them.
inline void Decode(ondemand::value v, std::string& out);
inline void Decode(ondemand::value v, Int& out);
inline void Decode(ondemand::value v, double& out);
inline void Decode(ondemand::value v, bool& out);
template <class T>
void Decode(ondemand::value v, std::optional<T>& out);
template <class T>
void Decode(ondemand::value v, std::vector<T>& out);
template <class T, std::size_t N>
void Decode(ondemand::value v, std::array<T, N>& out);
template <class T>
void Decode(ondemand::value v, StringMap<T>& out);
inline void Decode(ondemand::value v, User& out);
inline void Decode(ondemand::value v, Hashtag& out);
inline void Decode(ondemand::value v, Url& out);
inline void Decode(ondemand::value v, UserMention& out);
inline void Decode(ondemand::value v, Entities& out);
inline void Decode(ondemand::value v, Status& out);
inline void Decode(ondemand::value v, SearchMetadata& out);
inline void Decode(ondemand::value v, Event& out);
inline void Decode(ondemand::value v, Area& out);
inline void Decode(ondemand::value v, SeatCategory& out);
inline void Decode(ondemand::value v, Price& out);
inline void Decode(ondemand::value v, Performance& out);
inline void Decode(ondemand::value v, Properties& out);
inline void Decode(ondemand::value v, Geometry& out);
inline void Decode(ondemand::value v, Feature& out);
inline void Decode(ondemand::value v, Twitter& out);
inline void Decode(ondemand::value v, Citm& out);
inline void Decode(ondemand::value v, Canada& out);

// One field of an object, offered to a decoder's chain of candidate keys (see DecodeObject).
class FieldMatcher {
 public:
  // `first` is the first candidate to compare: calls before it decline without comparing.
  FieldMatcher(ondemand::raw_json_string key, ondemand::value value, int first)
      : key_(key), value_(value), first_(first) {}

  // The n-th call stands for the n-th key of the schema: if the field's key is `name`, decodes
  // the value into `out` and returns true. Keys compare raw, like simdjson's own lookups.
  template <class T>
  bool operator()(std::string_view name, T& out) {
    const int index = next_++;
    if (index < first_ || !(key_ == name)) return false;
    Decode(value_, out);
    matched_ = index;
    return true;
  }

  // The index of the key that matched, or -1.
  int matched() const { return matched_; }

 private:
  ondemand::raw_json_string key_;
  ondemand::value value_;
  int first_;
  int next_ = 0;
  int matched_ = -1;
};

// Decodes every field of the object `v` with `match(field)`, a chain
// `field("a", out.a) || field("b", out.b) || ...` naming the schema's `key_count` keys in
// order. Documents usually follow that order, so each field is first compared from the key
// after the previous match, then from the top. Unknown keys are skipped; a missing key is
// NO_SUCH_FIELD, as nlohmann's at() throws for one.
template <class Match>
void DecodeObject(ondemand::value v, int key_count, Match&& match) {
  std::uint64_t seen = 0;
  int next = 0;
  for (ondemand::field field : v.get_object()) {
    FieldMatcher matcher(field.key(), field.value(), next);
    if (!match(matcher) && next > 0) {
      matcher = FieldMatcher(field.key(), field.value(), 0);
      match(matcher);
    }
    if (matcher.matched() >= 0) {
      seen |= std::uint64_t{1} << matcher.matched();
      next = matcher.matched() + 1;
    }
  }
  if (seen != (std::uint64_t{1} << key_count) - 1) {
    throw simdjson::simdjson_error(simdjson::NO_SUCH_FIELD);
  }
}

inline void Decode(ondemand::value v, std::string& out) {
  const std::string_view text = v.get_string();  // points into the parser's string buffer
  out.assign(text);
}
inline void Decode(ondemand::value v, Int& out) { out = v.get_int64(); }
inline void Decode(ondemand::value v, double& out) { out = v.get_double(); }
inline void Decode(ondemand::value v, bool& out) { out = v.get_bool(); }

template <class T>
void Decode(ondemand::value v, std::optional<T>& out) {
  if (v.is_null()) {
    out.reset();
  } else {
    Decode(v, out.emplace());
  }
}

template <class T>
void Decode(ondemand::value v, std::vector<T>& out) {
  out.clear();
  for (ondemand::value element : v.get_array()) Decode(element, out.emplace_back());
}

// A fixed-size tuple such as [int, int]: any other length is a type error.
template <class T, std::size_t N>
void Decode(ondemand::value v, std::array<T, N>& out) {
  std::size_t count = 0;
  for (ondemand::value element : v.get_array()) {
    if (count == N) throw simdjson::simdjson_error(simdjson::INCORRECT_TYPE);
    Decode(element, out[count++]);
  }
  if (count != N) throw simdjson::simdjson_error(simdjson::INCORRECT_TYPE);
}

template <class T>
void Decode(ondemand::value v, StringMap<T>& out) {
  out.clear();
  for (ondemand::field field : v.get_object()) {
    // The key's view lives only until the next string is unescaped: copy it first.
    T& slot = out[std::string(std::string_view(field.unescaped_key()))];
    Decode(field.value(), slot);
  }
}

// --- twitter ---------------------------------------------------------------------------------

inline void Decode(ondemand::value v, User& out) {
  DecodeObject(v, 12, [&](FieldMatcher& field) {
    return field("id", out.id) || field("id_str", out.id_str) || field("name", out.name) ||
           field("screen_name", out.screen_name) || field("location", out.location) ||
           field("description", out.description) || field("url", out.url) ||
           field("followers_count", out.followers_count) ||
           field("friends_count", out.friends_count) || field("verified", out.verified) ||
           field("created_at", out.created_at) || field("profile_image_url", out.profile_image_url);
  });
}

inline void Decode(ondemand::value v, Hashtag& out) {
  DecodeObject(v, 2, [&](FieldMatcher& field) {
    return field("text", out.text) || field("indices", out.indices);
  });
}

inline void Decode(ondemand::value v, Url& out) {
  DecodeObject(v, 3, [&](FieldMatcher& field) {
    return field("url", out.url) || field("expanded_url", out.expanded_url) ||
           field("indices", out.indices);
  });
}

inline void Decode(ondemand::value v, UserMention& out) {
  DecodeObject(v, 4, [&](FieldMatcher& field) {
    return field("screen_name", out.screen_name) || field("name", out.name) ||
           field("id", out.id) || field("indices", out.indices);
  });
}

inline void Decode(ondemand::value v, Entities& out) {
  DecodeObject(v, 3, [&](FieldMatcher& field) {
    return field("hashtags", out.hashtags) || field("urls", out.urls) ||
           field("user_mentions", out.user_mentions);
  });
}

inline void Decode(ondemand::value v, Status& out) {
  DecodeObject(v, 14, [&](FieldMatcher& field) {
    return field("id", out.id) || field("id_str", out.id_str) ||
           field("created_at", out.created_at) || field("text", out.text) ||
           field("source", out.source) || field("truncated", out.truncated) ||
           field("in_reply_to_status_id", out.in_reply_to_status_id) || field("user", out.user) ||
           field("entities", out.entities) || field("retweet_count", out.retweet_count) ||
           field("favorite_count", out.favorite_count) || field("favorited", out.favorited) ||
           field("retweeted", out.retweeted) || field("lang", out.lang);
  });
}

inline void Decode(ondemand::value v, SearchMetadata& out) {
  DecodeObject(v, 5, [&](FieldMatcher& field) {
    return field("count", out.count) || field("completed_in", out.completed_in) ||
           field("max_id", out.max_id) || field("query", out.query) ||
           field("next_results", out.next_results);
  });
}

inline void Decode(ondemand::value v, Twitter& out) {
  DecodeObject(v, 2, [&](FieldMatcher& field) {
    return field("statuses", out.statuses) || field("search_metadata", out.search_metadata);
  });
}

// --- citm ------------------------------------------------------------------------------------

inline void Decode(ondemand::value v, Event& out) {
  DecodeObject(v, 6, [&](FieldMatcher& field) {
    return field("id", out.id) || field("name", out.name) ||
           field("description", out.description) || field("logo", out.logo) ||
           field("subTopicIds", out.sub_topic_ids) || field("topicIds", out.topic_ids);
  });
}

inline void Decode(ondemand::value v, Area& out) {
  DecodeObject(v, 2, [&](FieldMatcher& field) {
    return field("areaId", out.area_id) || field("blockIds", out.block_ids);
  });
}

inline void Decode(ondemand::value v, SeatCategory& out) {
  DecodeObject(v, 2, [&](FieldMatcher& field) {
    return field("seatCategoryId", out.seat_category_id) || field("areas", out.areas);
  });
}

inline void Decode(ondemand::value v, Price& out) {
  DecodeObject(v, 3, [&](FieldMatcher& field) {
    return field("amount", out.amount) ||
           field("audienceSubCategoryId", out.audience_sub_category_id) ||
           field("seatCategoryId", out.seat_category_id);
  });
}

inline void Decode(ondemand::value v, Performance& out) {
  DecodeObject(v, 8, [&](FieldMatcher& field) {
    return field("id", out.id) || field("eventId", out.event_id) || field("start", out.start) ||
           field("venueCode", out.venue_code) || field("name", out.name) ||
           field("logo", out.logo) || field("seatCategories", out.seat_categories) ||
           field("prices", out.prices);
  });
}

inline void Decode(ondemand::value v, Citm& out) {
  DecodeObject(v, 4, [&](FieldMatcher& field) {
    return field("areaNames", out.area_names) || field("events", out.events) ||
           field("performances", out.performances) || field("topicNames", out.topic_names);
  });
}

// --- canada ----------------------------------------------------------------------------------

inline void Decode(ondemand::value v, Properties& out) {
  DecodeObject(v, 2, [&](FieldMatcher& field) {
    return field("name", out.name) || field("area", out.area);
  });
}

inline void Decode(ondemand::value v, Geometry& out) {
  DecodeObject(v, 2, [&](FieldMatcher& field) {
    return field("type", out.type) || field("coordinates", out.coordinates);
  });
}

inline void Decode(ondemand::value v, Feature& out) {
  DecodeObject(v, 3, [&](FieldMatcher& field) {
    return field("type", out.type) || field("properties", out.properties) ||
           field("geometry", out.geometry);
  });
}

inline void Decode(ondemand::value v, Canada& out) {
  DecodeObject(v, 2, [&](FieldMatcher& field) {
    return field("type", out.type) || field("features", out.features);
  });
}

// --- documents -------------------------------------------------------------------------------

// Decodes a whole document into `out` (Twitter, Citm or Canada); anything after the root value
// is TRAILING_CONTENT. (3.0.1's document has no at_end(): past the last token,
// current_location() reports OUT_OF_BOUNDS.)
template <class Shape>
void DecodeDocument(ondemand::document& doc, Shape& out) {
  Decode(doc.get_value(), out);
  if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) {
    throw simdjson::simdjson_error(simdjson::TRAILING_CONTENT);
  }
}

}  // namespace json_suite
