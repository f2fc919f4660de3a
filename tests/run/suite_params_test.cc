// `run --param`: parsing, checks against a suite's declarations, and the job combinations.
#include "suite_params.h"

#include <gtest/gtest.h>

#include "error.h"

namespace benchctl {
namespace {

std::vector<ParameterSpec> Declared() {
  return {
      {"capacity", "a power of two", "1024", "",
       [](const std::string& v) {
         return v == "1000" ? std::string("not a power of two") : std::string();
       }},
      {"items", "a whole number", "1048576", "65536", nullptr},
  };
}

std::string ErrorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(SuiteParams, ParsesNamesAndCommaSeparatedValuesOnceEach) {
  GivenParams given;
  AddParamArgument("capacity=64,1024,64", given);
  AddParamArgument("items=4096", given);
  EXPECT_EQ(given.at("capacity"), (std::vector<std::string>{"64", "1024"}));
  EXPECT_EQ(given.at("items"), (std::vector<std::string>{"4096"}));
}

TEST(SuiteParams, RefusesBadSyntaxAndRepeats) {
  GivenParams given;
  EXPECT_NE(ErrorOf([&] { AddParamArgument("capacity", given); }).find("expected NAME=VALUE"),
            std::string::npos);
  EXPECT_NE(ErrorOf([&] { AddParamArgument("=4", given); }).find("expected NAME=VALUE"),
            std::string::npos);
  EXPECT_NE(ErrorOf([&] { AddParamArgument("capacity=4,,8", given); }).find("empty value"),
            std::string::npos);
  AddParamArgument("capacity=4", given);
  EXPECT_NE(ErrorOf([&] { AddParamArgument("capacity=8", given); }).find("given twice"),
            std::string::npos);
}

TEST(SuiteParams, UnknownNamesAndRefusedValuesNameWhatIsAllowed) {
  GivenParams unknown = {{"cap", {"4"}}};
  std::string e = ErrorOf([&] { CheckParams(Declared(), unknown, "spsc"); });
  EXPECT_EQ(e,
            "--param cap: the spsc suite has no parameter \"cap\"; its parameters: capacity, "
            "items");
  GivenParams bad = {{"capacity", {"64", "1000"}}};
  e = ErrorOf([&] { CheckParams(Declared(), bad, "spsc"); });
  EXPECT_EQ(e, "--param capacity=1000: not a power of two; allowed: a power of two");
  EXPECT_EQ(ErrorOf([&] { CheckParams({}, unknown, "json"); }),
            "--param cap: the json suite has no parameter \"cap\"; it declares none");
}

TEST(SuiteParams, CombinationsSweepGivenValuesAndUseDefaultsElsewhere) {
  GivenParams given = {{"capacity", {"64", "1024"}}};
  auto combos = ParamCombinations(Declared(), given, false);
  ASSERT_EQ(combos.size(), 2u);
  EXPECT_EQ(combos[0],
            (std::map<std::string, std::string>{{"capacity", "64"}, {"items", "1048576"}}));
  EXPECT_EQ(combos[1],
            (std::map<std::string, std::string>{{"capacity", "1024"}, {"items", "1048576"}}));
  // --quick takes the quick default where one is declared.
  combos = ParamCombinations(Declared(), {}, true);
  ASSERT_EQ(combos.size(), 1u);
  EXPECT_EQ(combos[0].at("items"), "65536");
  EXPECT_EQ(combos[0].at("capacity"), "1024");
  EXPECT_EQ(SweptParams(Declared(), given, false), (std::vector<std::string>{"capacity"}));
  EXPECT_TRUE(SweptParams(Declared(), {{"items", {"8"}}}, false).empty());
  // No declarations: one job set, nothing to apply.
  EXPECT_EQ(ParamCombinations({}, {}, false).size(), 1u);
}

TEST(SuiteParams, AListDefaultIsASweepUnlessGivenOrQuick) {
  // http's connection counts: three levels by default, one under --quick.
  std::vector<ParameterSpec> declared = {{"connections", "counts", "16,64,256", "16", nullptr}};
  auto combos = ParamCombinations(declared, {}, false);
  ASSERT_EQ(combos.size(), 3u);
  EXPECT_EQ(combos[2].at("connections"), "256");
  EXPECT_EQ(SweptParams(declared, {}, false), (std::vector<std::string>{"connections"}));
  EXPECT_TRUE(SweptParams(declared, {}, true).empty());
  EXPECT_EQ(ParamCombinations(declared, {}, true).size(), 1u);
  GivenParams one = {{"connections", {"64"}}};
  EXPECT_TRUE(SweptParams(declared, one, false).empty());
  EXPECT_EQ(DefaultValues(declared[0], false), (std::vector<std::string>{"16", "64", "256"}));
}

TEST(SuiteParams, EnvironmentNamesAreUpperCase) {
  EXPECT_EQ(ParamEnvName("round_trips"), "BENCHCTL_PARAM_ROUND_TRIPS");
  EXPECT_EQ(ParamEnvName("live-set"), "BENCHCTL_PARAM_LIVE_SET");
}

}  // namespace
}  // namespace benchctl
