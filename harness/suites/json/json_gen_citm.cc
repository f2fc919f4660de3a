// The citm shape: a concert catalogue of nested objects keyed by numeric strings, full of small
// integers (workloads/json/SPEC.md "citm").
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "json_gen_shapes.h"
#include "json_gen_text.h"

namespace benchctl {
namespace {

using namespace std::string_view_literals;

// Id bases and dates from the classic citm_catalog.json, for realistic magnitudes.
constexpr std::uint64_t kFirstAreaId = 205705993;
constexpr std::uint64_t kFirstTopicId = 107888604;
constexpr std::uint64_t kFirstEventId = 138586341;
constexpr std::uint64_t kFirstPerformanceId = 339887544;
constexpr std::uint64_t kFirstSeatCategoryId = 338937235;
constexpr std::uint64_t kFirstAudienceId = 337100890;
constexpr std::uint64_t kFirstStartMillis = 1372701600000;  // 2013-07-01 18:00 UTC
constexpr std::uint64_t kMillisPerHour = 3600000;

constexpr std::array kVenues = {"PLEYEL_PLEYEL"sv, "PLEYEL_CITE"sv, "SALLE_GAVEAU"sv};

// Ids increasing by random gaps, like database keys; unique, so no object has duplicate keys.
std::vector<std::uint64_t> MakeIds(SplitMix64& rng, std::uint64_t first, std::uint64_t count) {
  std::vector<std::uint64_t> ids;
  ids.reserve(static_cast<std::size_t>(count));
  std::uint64_t id = first;
  for (std::uint64_t i = 0; i < count; ++i) {
    ids.push_back(id);
    id += rng.Between(1, 1000);
  }
  return ids;
}

std::uint64_t PickId(SplitMix64& rng, const std::vector<std::uint64_t>& ids) {
  return ids[static_cast<std::size_t>(rng.Below(ids.size()))];
}

// An object member `"<id>": "<name>"` per id.
void AppendNames(JsonOut& json, SplitMix64& rng, const std::vector<std::uint64_t>& ids) {
  for (std::uint64_t id : ids) {
    std::string key;
    AppendUint(key, id);
    json.Key(key);
    json.Words(rng, kConcertWords, 1, 4);
  }
}

void AppendIdArray(JsonOut& json, SplitMix64& rng, const std::vector<std::uint64_t>& ids,
                   std::uint64_t min_count, std::uint64_t max_count) {
  json.BeginArray();
  for (std::uint64_t i = rng.Between(min_count, max_count); i > 0; --i) json.Uint(PickId(rng, ids));
  json.EndArray();
}

// A string value that is null about `null_percent` of the time, as citm's optional fields are.
void AppendLogo(JsonOut& json, SplitMix64& rng, std::uint64_t null_percent) {
  if (rng.Percent(null_percent)) {
    json.Null();
    return;
  }
  std::string& out = json.BeginString();
  out += R"(\/images\/UE0AAAAA)";
  AppendUint(out, rng.Between(10000000, 99999999));
  out += "AAAAZDSVRN";
  json.EndString();
}

void AppendEvent(JsonOut& json, SplitMix64& rng, std::uint64_t id,
                 const std::vector<std::uint64_t>& topics) {
  std::string key;
  AppendUint(key, id);
  json.Key(key);
  json.BeginObject();
  json.Key("id");
  json.Uint(id);
  json.Key("name");
  json.Words(rng, kConcertWords, 2, 7);
  json.Key("description");
  if (rng.Percent(85)) {
    json.Null();
  } else {
    json.Words(rng, kConcertWords, 5, 30);
  }
  json.Key("logo");
  AppendLogo(json, rng, 60);
  json.Key("subTopicIds");
  AppendIdArray(json, rng, topics, 1, 4);
  json.Key("topicIds");
  AppendIdArray(json, rng, topics, 1, 2);
  json.EndObject();
}

void AppendPerformance(JsonOut& json, SplitMix64& rng, std::uint64_t id, std::uint64_t event_id,
                       const std::vector<std::uint64_t>& areas) {
  json.BeginObject();
  json.Key("id");
  json.Uint(id);
  json.Key("eventId");
  json.Uint(event_id);
  json.Key("start");
  json.Uint(kFirstStartMillis + rng.Below(400 * 24) * kMillisPerHour);
  json.Key("venueCode");
  json.String(Pick(rng, kVenues));
  json.Key("name");
  if (rng.Percent(90)) {
    json.Null();
  } else {
    json.Words(rng, kConcertWords, 2, 5);
  }
  json.Key("logo");
  AppendLogo(json, rng, 70);
  const std::uint64_t categories = rng.Between(1, 4);
  const std::uint64_t first_category = kFirstSeatCategoryId + rng.Below(50);
  json.Key("seatCategories");
  json.BeginArray();
  for (std::uint64_t c = 0; c < categories; ++c) {
    json.BeginObject();
    json.Key("seatCategoryId");
    json.Uint(first_category + c);
    json.Key("areas");
    json.BeginArray();
    for (std::uint64_t a = rng.Between(1, 6); a > 0; --a) {
      json.BeginObject();
      json.Key("areaId");
      json.Uint(PickId(rng, areas));
      json.Key("blockIds");
      json.BeginArray();
      if (rng.Percent(15)) {
        for (std::uint64_t b = rng.Between(1, 3); b > 0; --b) json.Uint(rng.Below(1000));
      }
      json.EndArray();
      json.EndObject();
    }
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
  json.Key("prices");
  json.BeginArray();
  for (std::uint64_t c = 0; c < categories; ++c) {
    json.BeginObject();
    json.Key("amount");
    json.Uint(rng.Between(20, 400) * 250);
    json.Key("audienceSubCategoryId");
    json.Uint(kFirstAudienceId + rng.Below(4));
    json.Key("seatCategoryId");
    json.Uint(first_category + c);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
}

}  // namespace

void GenerateCitmJson(std::uint64_t target_bytes, SplitMix64& rng, std::string& out) {
  // The name tables grow slowly with the document, like a catalogue of a bigger venue.
  const std::vector<std::uint64_t> areas =
      MakeIds(rng, kFirstAreaId, 10 + std::min<std::uint64_t>(target_bytes / 50000, 990));
  const std::vector<std::uint64_t> topics =
      MakeIds(rng, kFirstTopicId, 8 + std::min<std::uint64_t>(target_bytes / 80000, 500));

  // Written in document order except performances and topicNames, which are kept aside until the
  // events stop (a record is one event and its performances).
  std::string performances;
  std::string topic_names;
  JsonOut topic_json(topic_names);
  AppendNames(topic_json, rng, topics);

  JsonOut json(out);
  json.BeginObject();
  json.Key("areaNames");
  json.BeginObject();
  AppendNames(json, rng, areas);
  json.EndObject();
  json.Key("events");
  json.BeginObject();
  JsonOut performance_json(performances);
  std::uint64_t event_id = kFirstEventId;
  std::uint64_t performance_id = kFirstPerformanceId;
  do {
    AppendEvent(json, rng, event_id, topics);
    for (std::uint64_t i = rng.Between(1, 6); i > 0; --i) {
      AppendPerformance(performance_json, rng, performance_id, event_id, areas);
      performance_id += rng.Between(1, 100);
    }
    event_id += rng.Between(1, 1000);
  } while (out.size() + performances.size() + topic_names.size() < target_bytes);
  json.EndObject();
  json.Key("performances");
  json.BeginArray();
  out += performances;
  json.EndArray();
  json.Key("topicNames");
  json.BeginObject();
  out += topic_names;
  json.EndObject();
  json.EndObject();
}

}  // namespace benchctl
