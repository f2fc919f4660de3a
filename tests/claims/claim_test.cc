// Claim files: strict validation (each kind of error names the file and key) and the shipped
// claims/*.json, which must all load.
#include "claim.h"

#include <gtest/gtest.h>

#include <set>

#include "error.h"
#include "test_support.h"

namespace benchctl {
namespace {

using testing::ExpectMentions;
using testing::TempDir;
using testing::WriteText;

// A valid file with one ratio claim; `claim_extra` is spliced into the claim object.
std::string File(const std::string& claim_body) {
  return R"({"claims_version": 1, "source": {"title": "An article", "year": 2025},
             "claims": [{"id": "C1", "text": "Rust is 2x Go", )" +
         claim_body + "}]}";
}

const char* kRatio = R"("ratio": {"metric": "time_ns",
    "numerator": {"suite": "json", "operation": "parse-dom", "impl": "go-stdlib"},
    "denominator": {"suite": "json", "operation": "parse-dom", "fastest_of_language": "rust"}},
  "test": {"between": [1.5, 2.5]})";

// The error LoadClaimFile gives for `text`, or "" if it loads.
std::string ErrorOf(const std::string& text) {
  TempDir dir;
  WriteText(dir / "c.json", text);
  try {
    LoadClaimFile(dir / "c.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(ClaimFileTest, ValidRatioClaimLoads) {
  TempDir dir;
  WriteText(dir / "c.json", File(kRatio));
  std::vector<Claim> claims = LoadClaimFile(dir / "c.json");
  ASSERT_EQ(claims.size(), 1u);
  const Claim& c = claims[0];
  EXPECT_EQ(c.id, "C1");
  EXPECT_EQ(c.kind, MeasureKind::kRatio);
  EXPECT_EQ(c.metric, "time_ns");
  EXPECT_EQ(c.numerator.impl, "go-stdlib");
  EXPECT_EQ(c.denominator.fastest_of_language, "rust");
  EXPECT_EQ(c.test.kind, ClaimTest::Kind::kBetween);
  EXPECT_DOUBLE_EQ(c.test.low, 1.5);
  EXPECT_DOUBLE_EQ(c.test.high, 2.5);
  EXPECT_EQ(c.source.year, 2025);
}

TEST(ClaimFileTest, UnknownKeyIsNamed) {
  ExpectMentions(ErrorOf(File(std::string(kRatio) + R"(, "colour": "red")")),
                 {"c.json", "`claims[0].colour`", "not a known key"});
}

TEST(ClaimFileTest, UnknownSelectorKeyIsNamed) {
  std::string body = R"("value": {"metric": "time_ns",
      "of": {"suite": "json", "operation": "parse-dom", "impl": "x", "lang": "go"}},
    "test": {"below": 5})";
  ExpectMentions(ErrorOf(File(body)), {"`claims[0].value.of.lang`", "not a known key"});
}

TEST(ClaimFileTest, WrongTypeIsNamed) {
  std::string body = R"("value": {"metric": 7,
      "of": {"suite": "json", "operation": "parse-dom", "impl": "x"}}, "test": {"below": 5})";
  ExpectMentions(ErrorOf(File(body)), {"`claims[0].value.metric`", "must be a string"});
  std::string bound = R"("value": {"metric": "time_ns",
      "of": {"suite": "json", "operation": "parse-dom", "impl": "x"}}, "test": {"below": "5"})";
  ExpectMentions(ErrorOf(File(bound)), {"`claims[0].test.below`", "finite number"});
}

TEST(ClaimFileTest, MissingFieldIsNamed) {
  ExpectMentions(ErrorOf(R"({"claims_version": 1, "claims": []})"), {"`source`", "is missing"});
  std::string no_test = R"("value": {"metric": "time_ns",
      "of": {"suite": "json", "operation": "parse-dom", "impl": "x"}})";
  ExpectMentions(ErrorOf(File(no_test)), {"`claims[0].test`", "is missing"});
  std::string no_suite = R"("value": {"metric": "time_ns",
      "of": {"operation": "parse-dom", "impl": "x"}}, "test": {"below": 1})";
  ExpectMentions(ErrorOf(File(no_suite)), {"`claims[0].value.of.suite`", "is missing"});
}

TEST(ClaimFileTest, ExactlyOneMeasureTestAndSelectorTarget) {
  ExpectMentions(ErrorOf(File(R"("test": {"below": 1})")), {"`claims[0].ratio`", "exactly one"});
  std::string both = R"("value": {"metric": "time_ns",
      "of": {"suite": "json", "operation": "parse-dom", "impl": "x",
             "fastest_of_language": "go"}}, "test": {"below": 1})";
  ExpectMentions(ErrorOf(File(both)), {"`claims[0].value.of.impl`", "exactly one"});
  std::string two_tests = R"("value": {"metric": "time_ns",
      "of": {"suite": "json", "operation": "parse-dom", "impl": "x"}},
    "test": {"below": 1, "above": 0})";
  ExpectMentions(ErrorOf(File(two_tests)), {"`claims[0].test.between`", "exactly one"});
  std::string reversed = R"("value": {"metric": "time_ns",
      "of": {"suite": "json", "operation": "parse-dom", "impl": "x"}},
    "test": {"between": [3, 1]})";
  ExpectMentions(ErrorOf(File(reversed)), {"`claims[0].test.between`", "low <= high"});
}

TEST(ClaimFileTest, VersionIdAndSyntaxAreChecked) {
  ExpectMentions(ErrorOf(R"({"claims_version": 2})"), {"`claims_version`", "must be 1"});
  ExpectMentions(ErrorOf("{not json"), {"c.json", "not a JSON object"});
  std::string text = File(kRatio);
  text.replace(text.find("\"C1\""), 4, "\"C 1\"");
  ExpectMentions(ErrorOf(text), {"`claims[0].id`"});
}

TEST(ClaimFileTest, DuplicateIdsAcrossFilesAreRefused) {
  TempDir dir;
  WriteText(dir / "a.json", File(kRatio));
  WriteText(dir / "b.json", File(kRatio));
  try {
    LoadClaims(dir.path());
    FAIL() << "no error";
  } catch (const Error& e) {
    ExpectMentions(e.what(), {"b.json", "\"C1\"", "a.json", "unique"});
  }
}

TEST(ClaimFileTest, MissingFolderSaysWhereClaimsBelong) {
  TempDir dir;
  try {
    LoadClaims(dir / "nope");
    FAIL() << "no error";
  } catch (const Error& e) {
    ExpectMentions(e.what(), {"nope", "--claims"});
  }
}

TEST(ClaimFileTest, EveryShippedClaimFileLoads) {
  std::vector<Claim> claims = LoadClaims(testing::SourceDir() / "claims");
  std::set<std::string> ids;
  for (const Claim& c : claims) ids.insert(c.id);
  // C1 … C15 from the brief, each at least once (as itself or as sub-claims C10a, …).
  for (int i = 1; i <= 15; ++i) {
    const std::string id = "C" + std::to_string(i);
    bool found = std::any_of(ids.begin(), ids.end(), [&id](const std::string& have) {
      return have == id || (have.rfind(id, 0) == 0 && have.size() == id.size() + 1 &&
                            std::isalpha(static_cast<unsigned char>(have.back())));
    });
    EXPECT_TRUE(found) << id;
  }
  for (const Claim& c : claims) {
    EXPECT_FALSE(c.notes.empty()) << c.id << " says nothing of how it is measured";
  }
}

TEST(ClaimFileTest, DescribeTestFormatsForTheMetric) {
  ClaimTest below{ClaimTest::Kind::kBelow, 0, 1e6};
  EXPECT_EQ(DescribeTest(below, "time_ns", false),
            "below " + FormatClaimValue(1e6, "time_ns", false));
  ClaimTest between{ClaimTest::Kind::kBetween, 1.5, 2};
  EXPECT_EQ(DescribeTest(between, "items_per_s", true), "between 1.50× and 2.00×");
}

}  // namespace
}  // namespace benchctl
