// Tests for the json suite's reference stats (harness/suites/json/json_reference.h). Expected
// counts are worked out by hand from the documents; checksums are SplitMix64Mix sums, cross-checked
// once with `python3 tests/tools/json_ref_stats.py FILE` on the same bytes.
#include "json_reference.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "error.h"

namespace benchctl {
namespace {

// The message ComputeJsonStats throws for `text`, or "" if it does not throw.
std::string ErrorFor(std::string_view text) {
  try {
    ComputeJsonStats(text, "in.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(JsonReferenceTest, CountsEveryKindOfValue) {
  // -0.0 counts as +0.0, whose mix is 0, so the checksum is SplitMix64Mix(bits(1.0)) alone.
  const JsonStats stats =
      ComputeJsonStats(R"({"a":[1,-0.0,true,false,null,"x\u00e9"],"bc":{}})", "t");
  EXPECT_EQ(stats.objects, 2u);
  EXPECT_EQ(stats.arrays, 1u);
  EXPECT_EQ(stats.strings, 1u);
  EXPECT_EQ(stats.numbers, 2u);
  EXPECT_EQ(stats.trues, 1u);
  EXPECT_EQ(stats.falses, 1u);
  EXPECT_EQ(stats.nulls, 1u);
  EXPECT_EQ(stats.members, 2u);
  EXPECT_EQ(stats.elements, 6u);
  EXPECT_EQ(stats.string_bytes, 3u);  // "x" + "é" (2 bytes in UTF-8)
  EXPECT_EQ(stats.key_bytes, 3u);     // "a" + "bc"
  EXPECT_EQ(FormatChecksum(stats.number_checksum), "2a20cd80798dae26");
}

TEST(JsonReferenceTest, ChecksumFollowsTheSpec) {
  EXPECT_EQ(NumberChecksumTerm(0.0), 0u);  // the finaliser maps 0 to 0
  EXPECT_EQ(NumberChecksumTerm(-0.0), 0u);
  EXPECT_EQ(FormatChecksum(NumberChecksumTerm(1.0)), "2a20cd80798dae26");
  EXPECT_EQ(FormatChecksum(NumberChecksumTerm(0.1)), "21b06322a3ba6d47");
  // Integer, fraction and exponent spellings of one value, integers past 2^53 and 2^64,
  // subnormal-adjacent values: value 9c10... from json_ref_stats.py on these bytes.
  const JsonStats stats = ComputeJsonStats(
      "[0,-0,-0.0,1,1.0,1e0,18446744073709551615,9007199254740993,0.1,-1.5e-300,"
      "123456789012345678901234567890]",
      "t");
  EXPECT_EQ(stats.numbers, 11u);
  EXPECT_EQ(FormatChecksum(stats.number_checksum), "9c104347ec246377");
}

TEST(JsonReferenceTest, DecodesEscapesBeforeCountingBytes) {
  const JsonStats stats = ComputeJsonStats(R"({"k\"":"\ud83d\ude00","":[[]]})", "t");
  EXPECT_EQ(stats.key_bytes, 2u);     // k and "
  EXPECT_EQ(stats.string_bytes, 4u);  // one 4-byte emoji
  EXPECT_EQ(stats.members, 2u);
  EXPECT_EQ(stats.arrays, 2u);
  EXPECT_EQ(stats.elements, 1u);
  EXPECT_EQ(stats.number_checksum, 0u);
}

TEST(JsonReferenceTest, AcceptsAScalarRoot) {
  const JsonStats stats = ComputeJsonStats(" \"abc\" ", "t");
  EXPECT_EQ(stats.strings, 1u);
  EXPECT_EQ(stats.string_bytes, 3u);
  EXPECT_EQ(stats.elements, 0u);
  EXPECT_EQ(stats.objects, 0u);
}

TEST(JsonReferenceTest, HandlesDeepNestingWithoutRecursion) {
  constexpr std::size_t kDepth = 100000;
  const std::string text = std::string(kDepth, '[') + std::string(kDepth, ']');
  const JsonStats stats = ComputeJsonStats(text, "t");
  EXPECT_EQ(stats.arrays, kDepth);
  EXPECT_EQ(stats.elements, kDepth - 1);
}

TEST(JsonReferenceTest, WritesDomAndTypedJson) {
  const JsonStats stats = ComputeJsonStats(R"([true,"ab",{"k":null}])", "t");
  const nlohmann::json expected_dom = {
      {"objects", 1},      {"arrays", 1},    {"strings", 1},
      {"numbers", 0},      {"trues", 1},     {"falses", 0},
      {"nulls", 1},        {"members", 1},   {"elements", 3},
      {"string_bytes", 2}, {"key_bytes", 1}, {"number_checksum", "0000000000000000"}};
  EXPECT_EQ(stats.ToDomJson(), expected_dom);
  const nlohmann::json expected_typed = {{"strings", 1},
                                         {"numbers", 0},
                                         {"trues", 1},
                                         {"falses", 0},
                                         {"nulls", 1},
                                         {"string_bytes", 2},
                                         {"number_checksum", "0000000000000000"}};
  EXPECT_EQ(stats.ToTypedJson(), expected_typed);
}

TEST(JsonReferenceTest, EqualStatsCompareEqual) {
  // Key order and number spelling differ, the stats do not: what serialize verification needs.
  EXPECT_EQ(ComputeJsonStats(R"({"a":1.0,"b":[2]})", "x"),
            ComputeJsonStats(R"({"b":[2e0],"a":1})", "y"));
}

TEST(JsonReferenceTest, RejectsEmptyInput) {
  EXPECT_EQ(ErrorFor(""), "in.json: empty file; a JSON document needs at least one value");
}

TEST(JsonReferenceTest, RejectsTruncatedInput) {
  EXPECT_EQ(ErrorFor("[1,2"),
            "in.json: invalid JSON at byte 4: syntax error while parsing array - unexpected end "
            "of input; expected ']'");
}

TEST(JsonReferenceTest, RejectsInvalidUtf8AndQuotesItSafely) {
  EXPECT_EQ(ErrorFor("{\"a\":\"\xff\"}"),
            "in.json: invalid JSON at byte 6: syntax error while parsing value - invalid string: "
            "ill-formed UTF-8 byte; last read: '\"\\xff'");
}

TEST(JsonReferenceTest, ShortensALongLastReadToken) {
  const std::string text = "\"" + std::string(100, 'a') + "\xe3\x81";
  EXPECT_EQ(ErrorFor(text),
            "in.json: invalid JSON at byte 103: syntax error while parsing value - invalid "
            "string: ill-formed UTF-8 byte; last read: '..." +
                std::string(38, 'a') + "\\xe3\\x81'");
}

TEST(JsonReferenceTest, RejectsGarbage) {
  EXPECT_EQ(ErrorFor("hello"),
            "in.json: invalid JSON at byte 0: syntax error while parsing value - invalid literal; "
            "last read: 'h'");
  EXPECT_EQ(ErrorFor("[1,]"),
            "in.json: invalid JSON at byte 3: syntax error while parsing value - unexpected ']'; "
            "expected '[', '{', or a literal");
}

TEST(JsonReferenceTest, RejectsTrailingContent) {
  EXPECT_EQ(ErrorFor("{} x"),
            "in.json: invalid JSON at byte 3: syntax error while parsing value - invalid literal; "
            "last read: '{} x'; expected end of input");
}

TEST(JsonReferenceTest, RejectsNumbersOutsideDoubleRange) {
  EXPECT_EQ(ErrorFor("[1e400]"),
            "in.json: invalid JSON at byte 5: number overflow parsing '1e400'");
}

TEST(JsonReferenceTest, RejectsALoneSurrogate) {
  EXPECT_NE(ErrorFor(R"("\ud800")").find("surrogate U+D800..U+DBFF"), std::string::npos);
}

}  // namespace
}  // namespace benchctl
