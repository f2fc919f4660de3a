#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>

#include "error.h"
#include "suite.h"
#include "suites.h"

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

JobSpec BaseJob(const Manifest& m, const std::string& operation, const std::string& binary) {
  JobSpec job;
  job.suite = m.suite;
  job.impl = m.name;
  job.language = m.language;
  job.variant = m.variant;
  job.operation = operation;
  job.mode = m.mode;
  job.library = m.library_name;
  job.library_version = m.library_version;
  job.validation = m.validation;
  job.argv = {binary};
  job.env = m.env;
  job.id = m.suite + "/" + m.name + "/" + operation;
  return job;
}

}  // namespace benchctl
