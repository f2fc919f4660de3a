// Tests for --threshold parsing (harness/stats/relative_change.h).
#include "relative_change.h"

#include <gtest/gtest.h>

#include <string>

#include "error.h"

namespace benchctl {
namespace {

TEST(RelativeChangeTest, ReadsPercentagesAndFractions) {
  EXPECT_DOUBLE_EQ(ParseRelativeChange("3%", "--threshold"), 0.03);
  EXPECT_DOUBLE_EQ(ParseRelativeChange("0.5%", "--threshold"), 0.005);
  EXPECT_DOUBLE_EQ(ParseRelativeChange("0%", "--threshold"), 0.0);
  EXPECT_DOUBLE_EQ(ParseRelativeChange("0.03", "--threshold"), 0.03);
  EXPECT_DOUBLE_EQ(ParseRelativeChange("0", "--threshold"), 0.0);
  EXPECT_DOUBLE_EQ(ParseRelativeChange("99.5%", "--threshold"), 0.995);
}

std::string MessageOf(const std::string& text) {
  try {
    ParseRelativeChange(text, "--threshold");
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

// A bare "2" is the mistake this parser exists for: it must not become a 200% band.
TEST(RelativeChangeTest, RefusesABareNumberOfOneOrMore) {
  EXPECT_EQ(MessageOf("2"),
            "--threshold 2: a bare number is a fraction (0.03 = 3%); write 2% if you meant 2 "
            "percent");
  EXPECT_NE(MessageOf("1").find("write 1%"), std::string::npos);
}

TEST(RelativeChangeTest, RefusesMalformedNegativeAndHugeValues) {
  for (const char* bad : {"", "%", "abc", "3 %", "3%%", "-1%", "-0.1", "nan", "inf", "0x10"}) {
    EXPECT_NE(MessageOf(bad).find("expected a percentage such as 3%"), std::string::npos) << bad;
  }
  EXPECT_EQ(MessageOf("100%"), "--threshold 100%: must be below 100%");
  EXPECT_EQ(MessageOf("250%"), "--threshold 250%: must be below 100%");
}

}  // namespace
}  // namespace benchctl
