#include "suite_registry.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>

#include "error.h"
#include "json_suite.h"
#include "startup_suite.h"

namespace benchctl {
namespace {

// The built-in suites: adding a suite is one line here (and its files).
constexpr std::array<SuiteEntry, 2> kSuites = {{
    {"json", MakeJsonSuite},
    {"startup", MakeStartupSuite},
}};

// Suites a test binary adds before it runs the CLI (never the shipped binary).
std::vector<SuiteEntry>& TestSuites() {
  static std::vector<SuiteEntry> suites;
  return suites;
}

}  // namespace

void RegisterTestSuite(SuiteEntry entry) { TestSuites().push_back(entry); }

std::vector<std::string> SuiteNames() {
  std::vector<std::string> names;
  for (const auto& e : kSuites) names.emplace_back(e.name);
  for (const auto& e : TestSuites()) names.emplace_back(e.name);
  std::sort(names.begin(), names.end());
  return names;
}

std::unique_ptr<Suite> MakeSuite(const std::string& name) {
  for (const auto& e : kSuites) {
    if (e.name == name) return e.make();
  }
  for (const auto& e : TestSuites()) {
    if (e.name == name) return e.make();
  }
  throw Error(
      fmt::format("unknown suite \"{}\"; valid suites: {}", name, fmt::join(SuiteNames(), ", ")));
}

}  // namespace benchctl
