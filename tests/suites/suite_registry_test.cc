// The suite registry (harness/suites/suite_registry.h): names, unknown suites, and the options
// each suite declares, checked for the run's suite and recorded for the config.
#include "suite_registry.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "error.h"
#include "test_support.h"

namespace benchctl {
namespace {

using Given = std::map<std::string, std::vector<std::string>, std::less<>>;
using testing::ExpectMentions;

// The message of CheckSuiteOptions(suite, given), or "" if it accepted them.
std::string CheckError(const std::string& suite, const Given& given) {
  try {
    CheckSuiteOptions(suite, given);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(SuiteRegistryTest, NamesAreSortedAndHoldTheBuiltInSuites) {
  std::vector<std::string> names = SuiteNames();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  for (const char* suite : {"json", "startup"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), suite), names.end()) << suite;
  }
  EXPECT_EQ(std::find(names.begin(), names.end(), "selftest"), names.end());
  EXPECT_EQ(MakeSuite("startup")->Operations(), std::vector<std::string>{"startup"});
}

TEST(SuiteRegistryTest, UnknownSuiteListsTheValidOnes) {
  try {
    MakeSuite("nope");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "unknown suite \"nope\"; valid suites: alloc, http, json, spsc, startup");
  }
  // Checking options names an unknown suite first, whatever options were given.
  EXPECT_EQ(CheckError("nope", {{"shape", {"twitter"}}}),
            "unknown suite \"nope\"; valid suites: alloc, http, json, spsc, startup");
}

TEST(SuiteRegistryTest, JsonDeclaresItsInputOptions) {
  std::vector<std::string> json_options;
  std::set<std::string> names;
  for (const DeclaredOption& d : DeclaredSuiteOptions()) {
    EXPECT_TRUE(names.insert(d.option.name).second) << "--" << d.option.name << " twice";
    if (d.suite == "json") json_options.push_back(d.option.name + "→" + d.option.config_key);
    EXPECT_FALSE(d.option.help.empty()) << d.option.name;
  }
  EXPECT_EQ(json_options, (std::vector<std::string>{"shape→shapes", "size→sizes", "input→inputs"}));
}

TEST(SuiteRegistryTest, OptionsOfTheRunsSuiteAreChecked) {
  EXPECT_EQ(CheckError("json", {{"shape", {"twitter", "citm"}}, {"size", {"64KB"}}}), "");
  EXPECT_EQ(CheckError("json", {{"input", {"/no/such/file.json"}}}), "");  // Read in Prepare.
  ExpectMentions(CheckError("json", {{"shape", {"twitter", "nope"}}}),
                 {"--shape nope: unknown JSON shape 'nope'", "twitter, citm, canada"});
  ExpectMentions(CheckError("json", {{"size", {"12XB"}}}),
                 {"--size 12XB: invalid size '12XB'", "64KB"});
}

TEST(SuiteRegistryTest, AnotherSuitesOptionIsRefusedNamingItsSuite) {
  EXPECT_EQ(CheckError("startup", {{"shape", {"twitter"}}}),
            "--shape is an option of the json suite, not of startup: drop it, or run --suite json");
  // Registered but not given (the CLI binds every declared option): nothing to refuse.
  EXPECT_EQ(CheckError("startup", {{"shape", {}}, {"size", {}}, {"input", {}}}), "");
}

TEST(SuiteRegistryTest, ConfigRecordsEveryDeclaredOptionUnderItsKey) {
  auto record = SuiteOptionsRecord({{"shape", {"twitter"}}, {"input", {}}});
  EXPECT_EQ(record["shapes"], std::vector<std::string>{"twitter"});
  EXPECT_EQ(record["sizes"], std::vector<std::string>{});
  EXPECT_EQ(record["inputs"], std::vector<std::string>{});
  EXPECT_EQ(record.size(), DeclaredSuiteOptions().size());
}

// The json suite reads --shape and --size from RunOptions::suite_options.
TEST(SuiteRegistryTest, JsonSuitePreparesTheInputsItsOptionsName) {
  testing::TempDir tmp;
  Paths paths;
  paths.scratch = tmp.path();
  RunOptions options;
  options.suite = "json";
  options.suite_options = {{"shape", {"citm"}}, {"size", {"64KB"}}};
  auto suite = MakeSuite("json");
  suite->Prepare(options, paths);
  const nlohmann::json inputs = suite->Describe()["inputs"];
  ASSERT_EQ(inputs.size(), 1u) << inputs.dump();
  EXPECT_EQ(inputs[0]["name"], "citm-64KB");
  EXPECT_EQ(inputs[0]["shape"], "citm");
}

// Last: it registers a suite for the rest of the process (ctest runs each test alone).
TEST(SuiteRegistryTest, NonRepeatableOptionGivenTwiceIsRefused) {
  RegisterTestSuite(
      {"registry-test", [] { return MakeSuite("startup"); },
       [] {
         return std::vector<SuiteOption>{{"registry-test-n", "n", "a count", false, nullptr}};
       }});
  EXPECT_EQ(CheckError("registry-test", {{"registry-test-n", {"1"}}}), "");
  EXPECT_EQ(CheckError("registry-test", {{"registry-test-n", {"1", "2"}}}),
            "--registry-test-n is given 2 times (1, 2); the registry-test suite takes one value");
  EXPECT_EQ(CheckError("json", {{"registry-test-n", {"1"}}}),
            "--registry-test-n is an option of the registry-test suite, not of json: drop it, or "
            "run --suite registry-test");
}

}  // namespace
}  // namespace benchctl
