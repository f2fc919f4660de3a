// nlohmann_json conversions from the DOM into the shapes' native types (json/shared/cpp).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "json/shared/cpp/shapes.h"

// nlohmann_json 3.11.2 has no std::optional support; this is the adl_serializer specialisation
// its README gives for optional types: null <-> empty.
NLOHMANN_JSON_NAMESPACE_BEGIN
template <class T>
struct adl_serializer<std::optional<T>> {
  static void to_json(json& j, const std::optional<T>& v) {
    if (v) {
      j = *v;
    } else {
      j = nullptr;
    }
  }
  static void from_json(const json& j, std::optional<T>& v) {
    if (j.is_null()) {
      v.reset();
    } else {
      v = j.get<T>();
    }
  }
};
NLOHMANN_JSON_NAMESPACE_END

namespace json_suite {

// Where a member is named like its JSON key, the library's macro writes the conversion.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(User, id, id_str, name, screen_name, location, description, url,
                                   followers_count, friends_count, verified, created_at,
                                   profile_image_url)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Hashtag, text, indices)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Url, url, expanded_url, indices)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(UserMention, screen_name, name, id, indices)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Entities, hashtags, urls, user_mentions)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Status, id, id_str, created_at, text, source, truncated,
                                   in_reply_to_status_id, user, entities, retweet_count,
                                   favorite_count, favorited, retweeted, lang)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(SearchMetadata, count, completed_in, max_id, query, next_results)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Twitter, statuses, search_metadata)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Properties, name, area)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Geometry, type, coordinates)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Feature, type, properties, geometry)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Canada, type, features)

// citm's keys are camelCase, so its conversions name the keys by hand. Only decoding is needed.
// (from_json is the name nlohmann_json looks up by ADL.)

inline void from_json(const nlohmann::json& j, Event& v) {
  j.at("id").get_to(v.id);
  j.at("name").get_to(v.name);
  j.at("description").get_to(v.description);
  j.at("logo").get_to(v.logo);
  j.at("subTopicIds").get_to(v.sub_topic_ids);
  j.at("topicIds").get_to(v.topic_ids);
}

inline void from_json(const nlohmann::json& j, Area& v) {
  j.at("areaId").get_to(v.area_id);
  j.at("blockIds").get_to(v.block_ids);
}

inline void from_json(const nlohmann::json& j, SeatCategory& v) {
  j.at("seatCategoryId").get_to(v.seat_category_id);
  j.at("areas").get_to(v.areas);
}

inline void from_json(const nlohmann::json& j, Price& v) {
  j.at("amount").get_to(v.amount);
  j.at("audienceSubCategoryId").get_to(v.audience_sub_category_id);
  j.at("seatCategoryId").get_to(v.seat_category_id);
}

inline void from_json(const nlohmann::json& j, Performance& v) {
  j.at("id").get_to(v.id);
  j.at("eventId").get_to(v.event_id);
  j.at("start").get_to(v.start);
  j.at("venueCode").get_to(v.venue_code);
  j.at("name").get_to(v.name);
  j.at("logo").get_to(v.logo);
  j.at("seatCategories").get_to(v.seat_categories);
  j.at("prices").get_to(v.prices);
}

inline void from_json(const nlohmann::json& j, Citm& v) {
  j.at("areaNames").get_to(v.area_names);
  j.at("events").get_to(v.events);
  j.at("performances").get_to(v.performances);
  j.at("topicNames").get_to(v.topic_names);
}

}  // namespace json_suite
