// Decoding RapidJSON's DOM into the shapes' native types (json/shared/cpp/shapes.h).
//
// The usual RapidJSON way to fill structs: parse the document (the same fully validated parse
// as parse-dom), then look each field up and check its type. A SAX handler could skip the DOM,
// but for nested schemas it is a hand-written state machine per struct, which RapidJSON users
// keep for streaming; the DOM route is what its documentation teaches and what code does.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "json/cpp-rapidjson/library.h"
#include "json/shared/cpp/shapes.h"

namespace json_suite {

// The document does not fit the shape's schema: a missing field or a value of the wrong type.
// The message names the path, e.g. "statuses.user.id: expected an int64 integer".
class SchemaError : public std::runtime_error {
 public:
  explicit SchemaError(const std::string& reason) : SchemaError("", reason) {}
  SchemaError(const std::string& path, const std::string& reason)
      : std::runtime_error(path.empty() ? reason : path + ": " + reason),
        path_(path),
        reason_(reason) {}

  // The same error seen from the enclosing value: `step` (a field name or a ["key"]) leads.
  SchemaError Within(const std::string& step) const {
    if (path_.empty()) return SchemaError(step, reason_);
    return SchemaError(step + (path_[0] == '[' ? "" : ".") + path_, reason_);
  }

 private:
  std::string path_, reason_;
};

// Decode(value, out) reads one JSON value into `out`, throwing SchemaError if it does not
// have the expected type. All overloads are declared before the templates that use them.
inline void Decode(const rapidjson::Value& v, std::string& out);
inline void Decode(const rapidjson::Value& v, Int& out);
inline void Decode(const rapidjson::Value& v, double& out);
inline void Decode(const rapidjson::Value& v, bool& out);
template <class T>
void Decode(const rapidjson::Value& v, std::optional<T>& out);
template <class T>
void Decode(const rapidjson::Value& v, std::vector<T>& out);
template <class T, std::size_t N>
void Decode(const rapidjson::Value& v, std::array<T, N>& out);
template <class T>
void Decode(const rapidjson::Value& v, StringMap<T>& out);
inline void Decode(const rapidjson::Value& v, User& out);
inline void Decode(const rapidjson::Value& v, Hashtag& out);
inline void Decode(const rapidjson::Value& v, Url& out);
inline void Decode(const rapidjson::Value& v, UserMention& out);
inline void Decode(const rapidjson::Value& v, Entities& out);
inline void Decode(const rapidjson::Value& v, Status& out);
inline void Decode(const rapidjson::Value& v, SearchMetadata& out);
inline void Decode(const rapidjson::Value& v, Event& out);
inline void Decode(const rapidjson::Value& v, Area& out);
inline void Decode(const rapidjson::Value& v, SeatCategory& out);
inline void Decode(const rapidjson::Value& v, Price& out);
inline void Decode(const rapidjson::Value& v, Performance& out);
inline void Decode(const rapidjson::Value& v, Properties& out);
inline void Decode(const rapidjson::Value& v, Geometry& out);
inline void Decode(const rapidjson::Value& v, Feature& out);
inline void Decode(const rapidjson::Value& v, Twitter& out);
inline void Decode(const rapidjson::Value& v, Citm& out);
inline void Decode(const rapidjson::Value& v, Canada& out);

// The fields of one JSON object, decoded by name: `fields("id", out.id)`. RapidJSON keeps an
// object's members in document order and FindMember searches from the first, so instead each
// lookup starts after the previous match and wraps around: documents that list the fields in
// schema order cost one key comparison per field. Unknown keys are ignored.
class Fields {
 public:
  explicit Fields(const rapidjson::Value& v) {
    if (!v.IsObject()) throw SchemaError("expected an object");
    begin_ = next_ = v.MemberBegin();
    end_ = v.MemberEnd();
  }

  template <class T>
  void operator()(std::string_view name, T& out) {
    try {
      Decode(Find(name), out);
    } catch (const SchemaError& e) {
      throw e.Within(std::string(name));
    }
  }

 private:
  using Iterator = rapidjson::Value::ConstMemberIterator;

  const rapidjson::Value& Find(std::string_view name) {
    for (Iterator it = next_; it != end_; ++it) {
      if (Is(*it, name)) return Take(it);
    }
    for (Iterator it = begin_; it != next_; ++it) {
      if (Is(*it, name)) return Take(it);
    }
    throw SchemaError("missing field");
  }

  static bool Is(const rapidjson::Value::Member& member, std::string_view name) {
    return std::string_view(member.name.GetString(), member.name.GetStringLength()) == name;
  }

  const rapidjson::Value& Take(Iterator it) {
    next_ = it + 1;
    return it->value;
  }

  Iterator begin_, next_, end_;
};

inline void Decode(const rapidjson::Value& v, std::string& out) {
  if (!v.IsString()) throw SchemaError("expected a string");
  out.assign(v.GetString(), v.GetStringLength());
}

inline void Decode(const rapidjson::Value& v, Int& out) {
  if (!v.IsInt64()) throw SchemaError("expected an int64 integer");
  out = v.GetInt64();
}

// SPEC writes floats with a fraction or an exponent, but an integer token is a valid double.
inline void Decode(const rapidjson::Value& v, double& out) {
  if (!v.IsNumber()) throw SchemaError("expected a number");
  out = v.GetDouble();
}

inline void Decode(const rapidjson::Value& v, bool& out) {
  if (!v.IsBool()) throw SchemaError("expected true or false");
  out = v.GetBool();
}

template <class T>
void Decode(const rapidjson::Value& v, std::optional<T>& out) {
  if (v.IsNull()) {
    out.reset();
  } else {
    Decode(v, out.emplace());
  }
}

template <class T>
void Decode(const rapidjson::Value& v, std::vector<T>& out) {
  if (!v.IsArray()) throw SchemaError("expected an array");
  out.clear();
  out.reserve(v.Size());
  for (const rapidjson::Value& element : v.GetArray()) Decode(element, out.emplace_back());
}

// A fixed-size tuple such as [int, int]: any other length is a schema error.
template <class T, std::size_t N>
void Decode(const rapidjson::Value& v, std::array<T, N>& out) {
  if (!v.IsArray() || v.Size() != N) {
    throw SchemaError("expected an array of " + std::to_string(N) + " elements");
  }
  for (std::size_t i = 0; i < N; ++i) Decode(v[static_cast<rapidjson::SizeType>(i)], out[i]);
}

template <class T>
void Decode(const rapidjson::Value& v, StringMap<T>& out) {
  if (!v.IsObject()) throw SchemaError("expected an object");
  out.clear();
  out.reserve(v.MemberCount());
  for (const auto& member : v.GetObject()) {
    const auto slot =
        out.try_emplace(std::string(member.name.GetString(), member.name.GetStringLength())).first;
    try {
      Decode(member.value, slot->second);
    } catch (const SchemaError& e) {
      throw e.Within("[\"" + slot->first + "\"]");
    }
  }
}

// --- twitter ---------------------------------------------------------------------------------

inline void Decode(const rapidjson::Value& v, User& out) {
  Fields fields(v);
  fields("id", out.id);
  fields("id_str", out.id_str);
  fields("name", out.name);
  fields("screen_name", out.screen_name);
  fields("location", out.location);
  fields("description", out.description);
  fields("url", out.url);
  fields("followers_count", out.followers_count);
  fields("friends_count", out.friends_count);
  fields("verified", out.verified);
  fields("created_at", out.created_at);
  fields("profile_image_url", out.profile_image_url);
}

inline void Decode(const rapidjson::Value& v, Hashtag& out) {
  Fields fields(v);
  fields("text", out.text);
  fields("indices", out.indices);
}

inline void Decode(const rapidjson::Value& v, Url& out) {
  Fields fields(v);
  fields("url", out.url);
  fields("expanded_url", out.expanded_url);
  fields("indices", out.indices);
}

inline void Decode(const rapidjson::Value& v, UserMention& out) {
  Fields fields(v);
  fields("screen_name", out.screen_name);
  fields("name", out.name);
  fields("id", out.id);
  fields("indices", out.indices);
}

inline void Decode(const rapidjson::Value& v, Entities& out) {
  Fields fields(v);
  fields("hashtags", out.hashtags);
  fields("urls", out.urls);
  fields("user_mentions", out.user_mentions);
}

inline void Decode(const rapidjson::Value& v, Status& out) {
  Fields fields(v);
  fields("id", out.id);
  fields("id_str", out.id_str);
  fields("created_at", out.created_at);
  fields("text", out.text);
  fields("source", out.source);
  fields("truncated", out.truncated);
  fields("in_reply_to_status_id", out.in_reply_to_status_id);
  fields("user", out.user);
  fields("entities", out.entities);
  fields("retweet_count", out.retweet_count);
  fields("favorite_count", out.favorite_count);
  fields("favorited", out.favorited);
  fields("retweeted", out.retweeted);
  fields("lang", out.lang);
}

inline void Decode(const rapidjson::Value& v, SearchMetadata& out) {
  Fields fields(v);
  fields("count", out.count);
  fields("completed_in", out.completed_in);
  fields("max_id", out.max_id);
  fields("query", out.query);
  fields("next_results", out.next_results);
}

inline void Decode(const rapidjson::Value& v, Twitter& out) {
  Fields fields(v);
  fields("statuses", out.statuses);
  fields("search_metadata", out.search_metadata);
}

// --- citm ------------------------------------------------------------------------------------

inline void Decode(const rapidjson::Value& v, Event& out) {
  Fields fields(v);
  fields("id", out.id);
  fields("name", out.name);
  fields("description", out.description);
  fields("logo", out.logo);
  fields("subTopicIds", out.sub_topic_ids);
  fields("topicIds", out.topic_ids);
}

inline void Decode(const rapidjson::Value& v, Area& out) {
  Fields fields(v);
  fields("areaId", out.area_id);
  fields("blockIds", out.block_ids);
}

inline void Decode(const rapidjson::Value& v, SeatCategory& out) {
  Fields fields(v);
  fields("seatCategoryId", out.seat_category_id);
  fields("areas", out.areas);
}

inline void Decode(const rapidjson::Value& v, Price& out) {
  Fields fields(v);
  fields("amount", out.amount);
  fields("audienceSubCategoryId", out.audience_sub_category_id);
  fields("seatCategoryId", out.seat_category_id);
}

inline void Decode(const rapidjson::Value& v, Performance& out) {
  Fields fields(v);
  fields("id", out.id);
  fields("eventId", out.event_id);
  fields("start", out.start);
  fields("venueCode", out.venue_code);
  fields("name", out.name);
  fields("logo", out.logo);
  fields("seatCategories", out.seat_categories);
  fields("prices", out.prices);
}

inline void Decode(const rapidjson::Value& v, Citm& out) {
  Fields fields(v);
  fields("areaNames", out.area_names);
  fields("events", out.events);
  fields("performances", out.performances);
  fields("topicNames", out.topic_names);
}

// --- canada ----------------------------------------------------------------------------------

inline void Decode(const rapidjson::Value& v, Properties& out) {
  Fields fields(v);
  fields("name", out.name);
  fields("area", out.area);
}

inline void Decode(const rapidjson::Value& v, Geometry& out) {
  Fields fields(v);
  fields("type", out.type);
  fields("coordinates", out.coordinates);
}

inline void Decode(const rapidjson::Value& v, Feature& out) {
  Fields fields(v);
  fields("type", out.type);
  fields("properties", out.properties);
  fields("geometry", out.geometry);
}

inline void Decode(const rapidjson::Value& v, Canada& out) {
  Fields fields(v);
  fields("type", out.type);
  fields("features", out.features);
}

}  // namespace json_suite
