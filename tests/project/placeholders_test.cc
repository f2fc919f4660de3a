// "{name}" substitution in toolchain recipes (harness/project/placeholders.h).
#include "placeholders.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "error.h"

namespace benchctl {
namespace {

const std::map<std::string, std::string> kValues = {
    {"dir", "/w/json/cpp-x"}, {"out", "/b/cpp-x"}, {"workloads", "/w"}};

std::string ErrorOf(const std::string& text) {
  try {
    ExpandPlaceholders(text, kValues);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(ExpandPlaceholdersTest, ReplacesEveryKnownKey) {
  EXPECT_EQ(ExpandPlaceholders("-I{workloads}/lib/cpp", kValues), "-I/w/lib/cpp");
  EXPECT_EQ(ExpandPlaceholders("{dir}:{out}:{dir}", kValues),
            "/w/json/cpp-x:/b/cpp-x:/w/json/cpp-x");
  EXPECT_EQ(ExpandPlaceholders("plain", kValues), "plain");
  EXPECT_EQ(ExpandPlaceholders("", kValues), "");
  EXPECT_EQ(ExpandPlaceholders("a}b", kValues), "a}b");  // A lone '}' is text.
}

TEST(ExpandPlaceholdersTest, ValuesAreNotExpandedAgain) {
  EXPECT_EQ(ExpandPlaceholders("{x}", {{"x", "{y}"}, {"y", "no"}}), "{y}");
}

TEST(ExpandPlaceholdersTest, UnknownKeyListsTheKnownOnes) {
  std::string message = ErrorOf("-o {output}");
  EXPECT_NE(message.find("unknown placeholder {output}"), std::string::npos) << message;
  EXPECT_NE(message.find("\"-o {output}\""), std::string::npos) << message;
  EXPECT_NE(message.find("known: dir, out, workloads"), std::string::npos) << message;
}

TEST(ExpandPlaceholdersTest, UnclosedBraceIsAnError) {
  EXPECT_NE(ErrorOf("{dir").find("unclosed"), std::string::npos);
}

TEST(ExpandArgvTest, ListsBecomeOneArgumentPerElementWithPrefixAndSuffix) {
  std::vector<std::string> argv = {"g++",   "{sources}",     "-o",
                                   "{out}", "-l{libraries}", "x{libraries}.a"};
  std::map<std::string, std::vector<std::string>> lists = {
      {"sources", {"a.cc", "b.cc"}}, {"libraries", {"simdjson", "benchmark"}}};
  EXPECT_EQ(ExpandArgv(argv, kValues, lists),
            (std::vector<std::string>{"g++", "a.cc", "b.cc", "-o", "/b/cpp-x", "-lsimdjson",
                                      "-lbenchmark", "xsimdjson.a", "xbenchmark.a"}));
}

TEST(ExpandArgvTest, AnEmptyListGivesNoArgument) {
  EXPECT_EQ(ExpandArgv({"cc", "-l{libraries}", "{out}"}, kValues, {{"libraries", {}}}),
            (std::vector<std::string>{"cc", "/b/cpp-x"}));
}

// Bug: ExpandArgv (and ListParams in builder.cc) only look at the first "{...}" of an
// argument, so a list placeholder after a value placeholder is "unknown".
TEST(ExpandArgvTest, ListPlaceholderAfterAValuePlaceholder) {
  // The header promises this: "an element holding {key} for a key in lists".
  EXPECT_EQ(ExpandArgv({"{dir}/{sources}"}, kValues, {{"sources", {"main.cc"}}}),
            std::vector<std::string>{"/w/json/cpp-x/main.cc"});
}

TEST(ExpandArgvTest, ValuesAroundAListElementAreExpanded) {
  EXPECT_EQ(ExpandArgv({"{sources}:{dir}"}, kValues, {{"sources", {"main.cc"}}}),
            std::vector<std::string>{"main.cc:/w/json/cpp-x"});
}

TEST(ExpandArgvTest, UnknownPlaceholderInArgvIsAnError) {
  EXPECT_THROW(ExpandArgv({"{nope}"}, kValues, {}), Error);
}

}  // namespace
}  // namespace benchctl
