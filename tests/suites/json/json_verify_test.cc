// The JSON suite's serialize check (harness/suites/json/json_verify.h).
#include "json_verify.h"

#include <gtest/gtest.h>

#include <string>

#include "json_reference.h"
#include "test_support.h"

namespace benchctl {
namespace {

TEST(JsonVerify, SerializedFileIsReparsedAndCompared) {
  testing::TempDir tmp;
  const std::string doc = R"({"a":[1,2,{"b":"c"}]})";
  const std::string path = (tmp / "out.json").string();
  const nlohmann::json expected = ComputeJsonStats(doc, "reference").ToDomJson();
  auto check = [&](const nlohmann::json& value) {
    return CheckSerializedOutput(path, expected, value);
  };
  EXPECT_NE(check({{"output_bytes", 21}}).find("no output file"), std::string::npos);
  testing::WriteText(path, R"({"a": [1, 2, {"b": "c"}]})");  // Same DOM, other spacing: 25 bytes.
  EXPECT_EQ(check({{"output_bytes", 25}}), "");
  EXPECT_EQ(check({{"output_bytes", 21}}), "serialize reported 21 bytes but wrote 25");
  EXPECT_NE(check(25).find("must report {\"output_bytes\": N}"), std::string::npos);
  testing::WriteText(path, R"({"a":[1,2]})");
  EXPECT_NE(check({{"output_bytes", 11}}).find("different stats"), std::string::npos);
  testing::WriteText(path, R"({"a":[1,2)");
  EXPECT_NE(check({{"output_bytes", 9}}).find("not valid JSON"), std::string::npos);
}

}  // namespace
}  // namespace benchctl
