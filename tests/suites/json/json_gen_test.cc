// Tests for the JSON input generator (harness/suites/json/json_gen.h): determinism, size targets,
// and that every record follows workloads/json/SPEC.md's schemas in field order.
#include "json_gen.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "error.h"
#include "json_reference.h"
#include "sha256.h"

namespace benchctl {
namespace {

using Json = nlohmann::ordered_json;  // keeps the document's key order, which the SPEC fixes

constexpr JsonShape kShapes[] = {JsonShape::kTwitter, JsonShape::kCitm, JsonShape::kCanada};

// The most a document may exceed its target: one record (a canada feature is at most ~20 KB)
// plus the closing metadata.
constexpr std::uint64_t kMaxOvershoot = 32 * 1024;

std::vector<std::string> Keys(const Json& object) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.push_back(key);
  return keys;
}

void ExpectUintPair(const Json& value) {
  ASSERT_TRUE(value.is_array());
  ASSERT_EQ(value.size(), 2u);
  EXPECT_TRUE(value[0].is_number_unsigned());
  EXPECT_TRUE(value[1].is_number_unsigned());
}

void ExpectUints(const Json& value) {
  ASSERT_TRUE(value.is_array());
  for (const Json& element : value) EXPECT_TRUE(element.is_number_unsigned());
}

void CheckTwitter(const Json& doc) {
  using V = std::vector<std::string>;
  ASSERT_EQ(Keys(doc), (V{"statuses", "search_metadata"}));
  ASSERT_GE(doc["statuses"].size(), 1u);
  for (const Json& status : doc["statuses"]) {
    ASSERT_EQ(Keys(status), (V{"id", "id_str", "created_at", "text", "source", "truncated",
                               "in_reply_to_status_id", "user", "entities", "retweet_count",
                               "favorite_count", "favorited", "retweeted", "lang"}));
    EXPECT_EQ(status["id_str"], std::to_string(status["id"].get<std::uint64_t>()));
    const Json& reply = status["in_reply_to_status_id"];
    EXPECT_TRUE(reply.is_null() || reply.is_number_unsigned());
    const Json& user = status["user"];
    ASSERT_EQ(Keys(user), (V{"id", "id_str", "name", "screen_name", "location", "description",
                             "url", "followers_count", "friends_count", "verified", "created_at",
                             "profile_image_url"}));
    EXPECT_TRUE(user["url"].is_null() || user["url"].is_string());
    const Json& entities = status["entities"];
    ASSERT_EQ(Keys(entities), (V{"hashtags", "urls", "user_mentions"}));
    for (const Json& tag : entities["hashtags"]) {
      ASSERT_EQ(Keys(tag), (V{"text", "indices"}));
      ExpectUintPair(tag["indices"]);
    }
    for (const Json& url : entities["urls"]) {
      ASSERT_EQ(Keys(url), (V{"url", "expanded_url", "indices"}));
      ExpectUintPair(url["indices"]);
    }
    for (const Json& mention : entities["user_mentions"]) {
      ASSERT_EQ(Keys(mention), (V{"screen_name", "name", "id", "indices"}));
      ExpectUintPair(mention["indices"]);
    }
  }
  const Json& meta = doc["search_metadata"];
  ASSERT_EQ(Keys(meta), (V{"count", "completed_in", "max_id", "query", "next_results"}));
  EXPECT_EQ(meta["count"], doc["statuses"].size());
  EXPECT_TRUE(meta["completed_in"].is_number_float());
  EXPECT_EQ(meta["max_id"], doc["statuses"][0]["id"]);
}

void CheckCitm(const Json& doc) {
  using V = std::vector<std::string>;
  ASSERT_EQ(Keys(doc), (V{"areaNames", "events", "performances", "topicNames"}));
  for (const char* names : {"areaNames", "topicNames"}) {
    ASSERT_GE(doc[names].size(), 1u);
    for (const auto& [key, value] : doc[names].items()) {
      EXPECT_EQ(key.find_first_not_of("0123456789"), std::string::npos);
      EXPECT_TRUE(value.is_string());
    }
  }
  ASSERT_GE(doc["events"].size(), 1u);
  for (const auto& [key, event] : doc["events"].items()) {
    ASSERT_EQ(Keys(event), (V{"id", "name", "description", "logo", "subTopicIds", "topicIds"}));
    EXPECT_EQ(key, std::to_string(event["id"].get<std::uint64_t>()));
    EXPECT_TRUE(event["description"].is_null() || event["description"].is_string());
    EXPECT_TRUE(event["logo"].is_null() || event["logo"].is_string());
    ExpectUints(event["subTopicIds"]);
    ExpectUints(event["topicIds"]);
  }
  ASSERT_GE(doc["performances"].size(), 1u);
  for (const Json& performance : doc["performances"]) {
    ASSERT_EQ(Keys(performance), (V{"id", "eventId", "start", "venueCode", "name", "logo",
                                    "seatCategories", "prices"}));
    EXPECT_TRUE(
        doc["events"].contains(std::to_string(performance["eventId"].get<std::uint64_t>())));
    for (const Json& category : performance["seatCategories"]) {
      ASSERT_EQ(Keys(category), (V{"seatCategoryId", "areas"}));
      for (const Json& area : category["areas"]) {
        ASSERT_EQ(Keys(area), (V{"areaId", "blockIds"}));
        EXPECT_TRUE(doc["areaNames"].contains(std::to_string(area["areaId"].get<std::uint64_t>())));
        ExpectUints(area["blockIds"]);
      }
    }
    for (const Json& price : performance["prices"]) {
      ASSERT_EQ(Keys(price), (V{"amount", "audienceSubCategoryId", "seatCategoryId"}));
    }
  }
}

void CheckCanada(const Json& doc) {
  using V = std::vector<std::string>;
  ASSERT_EQ(Keys(doc), (V{"type", "features"}));
  EXPECT_EQ(doc["type"], "FeatureCollection");
  ASSERT_GE(doc["features"].size(), 1u);
  for (const Json& feature : doc["features"]) {
    ASSERT_EQ(Keys(feature), (V{"type", "properties", "geometry"}));
    EXPECT_EQ(feature["type"], "Feature");
    ASSERT_EQ(Keys(feature["properties"]), (V{"name", "area"}));
    EXPECT_TRUE(feature["properties"]["area"].is_number_float());
    const Json& geometry = feature["geometry"];
    ASSERT_EQ(Keys(geometry), (V{"type", "coordinates"}));
    EXPECT_EQ(geometry["type"], "Polygon");
    for (const Json& ring : geometry["coordinates"]) {
      ASSERT_GE(ring.size(), 4u);
      EXPECT_EQ(ring.front(), ring.back());  // GeoJSON rings are closed
      for (const Json& point : ring) {
        ASSERT_EQ(point.size(), 2u);
        EXPECT_TRUE(point[0].is_number_float());
        EXPECT_TRUE(point[1].is_number_float());
      }
    }
  }
}

TEST(JsonGenTest, ShapeNamesRoundTrip) {
  for (JsonShape shape : kShapes) EXPECT_EQ(ParseJsonShape(JsonShapeName(shape)), shape);
  EXPECT_EQ(JsonShapeName(JsonShape::kCitm), "citm");
}

TEST(JsonGenTest, UnknownShapeListsValidNames) {
  try {
    ParseJsonShape("xml");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "unknown JSON shape 'xml'; valid shapes: twitter, citm, canada");
  }
}

TEST(JsonGenTest, FixedSeedAndSizeGiveFixedBytes) {
  // Recorded from this generator; a change here changes every published input, so it must be
  // deliberate (and bump the suite's SPEC version if the shapes change).
  EXPECT_EQ(Sha256Hex(GenerateJson(JsonShape::kTwitter, 20000, 42)),
            "297cff048a674138033cc41ab991c78d7c632e71989aa757809b3fc791fb6322");
  EXPECT_EQ(Sha256Hex(GenerateJson(JsonShape::kCitm, 20000, 42)),
            "e2f6059271e4b4bb202ff045cb2c9e6d82f1e98fa013f1cacfc0b939e786a13d");
  EXPECT_EQ(Sha256Hex(GenerateJson(JsonShape::kCanada, 20000, 42)),
            "95c4791f730ffd045eb66d0d37299676b187312cf9e80fabbd5291afb347b215");
}

TEST(JsonGenTest, SameArgumentsSameBytesDifferentSeedsDiffer) {
  for (JsonShape shape : kShapes) {
    EXPECT_EQ(GenerateJson(shape, 10000, 7), GenerateJson(shape, 10000, 7));
    EXPECT_NE(GenerateJson(shape, 10000, 7), GenerateJson(shape, 10000, 8));
  }
}

TEST(JsonGenTest, MeetsSizeTargets) {
  for (JsonShape shape : kShapes) {
    for (std::uint64_t target : {0ULL, 1ULL, 1000ULL, 64000ULL, 1000000ULL}) {
      const std::string text = GenerateJson(shape, target, 1);
      EXPECT_GE(text.size(), target) << JsonShapeName(shape);
      EXPECT_LE(text.size(), target + kMaxOvershoot) << JsonShapeName(shape);
    }
  }
}

TEST(JsonGenTest, TinyTargetsStillHaveARecord) {
  CheckTwitter(Json::parse(GenerateJson(JsonShape::kTwitter, 1, 3)));
  CheckCitm(Json::parse(GenerateJson(JsonShape::kCitm, 1, 3)));
  CheckCanada(Json::parse(GenerateJson(JsonShape::kCanada, 1, 3)));
}

TEST(JsonGenTest, RecordsFollowTheSpecSchemas) {
  CheckTwitter(Json::parse(GenerateJson(JsonShape::kTwitter, 300000, 5)));
  CheckCitm(Json::parse(GenerateJson(JsonShape::kCitm, 300000, 5)));
  CheckCanada(Json::parse(GenerateJson(JsonShape::kCanada, 300000, 5)));
}

TEST(JsonGenTest, StatsShowEachShapesCharacter) {
  const JsonStats twitter = ComputeJsonStats(GenerateJson(JsonShape::kTwitter, 100000, 9), "t");
  EXPECT_GT(twitter.string_bytes, twitter.key_bytes);  // string-heavy
  EXPECT_GT(twitter.trues, 0u);
  EXPECT_GT(twitter.falses, 0u);
  EXPECT_GT(twitter.nulls, 0u);
  const JsonStats citm = ComputeJsonStats(GenerateJson(JsonShape::kCitm, 100000, 9), "c");
  EXPECT_GT(citm.objects, citm.strings);  // nested objects of small integers
  EXPECT_GT(citm.nulls, 0u);
  const JsonStats canada = ComputeJsonStats(GenerateJson(JsonShape::kCanada, 100000, 9), "n");
  EXPECT_GT(canada.numbers, 10 * (canada.strings + canada.objects));  // number-heavy
}

TEST(JsonGenTest, TwitterTextHasTheSpecsEscapesAndScripts) {
  const std::string text = GenerateJson(JsonShape::kTwitter, 100000, 11);
  for (const char* needle : {R"(\ud83d\ud)", R"(\n)", R"(\")", R"(\\)", R"(\/)", R"(\u00e9)",
                             "東京", "привет", "é", "😀"}) {
    EXPECT_NE(text.find(needle), std::string::npos) << needle;
  }
  EXPECT_NE(text.find(R"("http:\/\/)"), std::string::npos);  // URLs written with \/
}

TEST(JsonGenTest, CanadaAreasUseExponentsOfBothSigns) {
  const std::string text = GenerateJson(JsonShape::kCanada, 100000, 11);
  EXPECT_NE(text.find("e-"), std::string::npos);
  EXPECT_NE(text.find("e+"), std::string::npos);
}

}  // namespace
}  // namespace benchctl
