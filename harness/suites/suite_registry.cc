#include "suite_registry.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>

#include "alloc_suite.h"
#include "error.h"
#include "http_suite.h"
#include "json_options.h"
#include "json_suite.h"
#include "spsc_suite.h"
#include "startup_suite.h"

namespace benchctl {
namespace {

// The built-in suites: adding a suite is one line here (and its files).
constexpr std::array<SuiteEntry, 5> kSuites = {{
    {"alloc", MakeAllocSuite},
    {"http", MakeHttpSuite},
    {"json", MakeJsonSuite, JsonSuiteOptions},
    {"spsc", MakeSpscSuite},
    {"startup", MakeStartupSuite},
}};

// Suites a test binary adds before it runs the CLI (never the shipped binary).
std::vector<SuiteEntry>& TestSuites() {
  static std::vector<SuiteEntry> suites;
  return suites;
}

// Every suite, sorted by name.
std::vector<SuiteEntry> Entries() {
  std::vector<SuiteEntry> all(kSuites.begin(), kSuites.end());
  all.insert(all.end(), TestSuites().begin(), TestSuites().end());
  std::sort(all.begin(), all.end(),
            [](const SuiteEntry& a, const SuiteEntry& b) { return a.name < b.name; });
  return all;
}

const SuiteEntry& FindSuite(const std::vector<SuiteEntry>& entries, const std::string& name) {
  for (const auto& e : entries) {
    if (e.name == name) return e;
  }
  throw Error(
      fmt::format("unknown suite \"{}\"; valid suites: {}", name, fmt::join(SuiteNames(), ", ")));
}

// The values of one given option, checked for the run's suite.
void CheckGivenOption(const std::string& suite, const std::string& name,
                      const std::vector<std::string>& values) {
  std::vector<DeclaredOption> declared = DeclaredSuiteOptions();
  auto it = std::find_if(declared.begin(), declared.end(),
                         [&name](const DeclaredOption& d) { return d.option.name == name; });
  BENCHCTL_CHECK(it != declared.end());  // The CLI registers declared options only.
  const SuiteOption& option = it->option;
  if (it->suite != suite) {
    throw Error(
        fmt::format("--{} is an option of the {} suite, not of {}: drop it, or run --suite {}",
                    name, it->suite, suite, it->suite));
  }
  if (!option.repeatable && values.size() > 1) {
    throw Error(fmt::format("--{} is given {} times ({}); the {} suite takes one value", name,
                            values.size(), fmt::join(values, ", "), suite));
  }
  if (!option.check) return;
  for (const auto& value : values) {
    if (std::string problem = option.check(value); !problem.empty()) {
      throw Error(fmt::format("--{} {}: {}", name, value, problem));
    }
  }
}

}  // namespace

void RegisterTestSuite(SuiteEntry entry) { TestSuites().push_back(entry); }

std::vector<std::string> SuiteNames() {
  std::vector<std::string> names;
  for (const auto& e : Entries()) names.emplace_back(e.name);
  return names;
}

std::unique_ptr<Suite> MakeSuite(const std::string& name) {
  return FindSuite(Entries(), name).make();
}

std::vector<DeclaredOption> DeclaredSuiteOptions() {
  std::vector<DeclaredOption> out;
  for (const auto& e : Entries()) {
    if (e.options == nullptr) continue;
    for (const SuiteOption& option : e.options()) out.push_back({std::string(e.name), option});
  }
  return out;
}

void CheckSuiteOptions(const std::string& suite,
                       const std::map<std::string, std::vector<std::string>, std::less<>>& given) {
  FindSuite(Entries(), suite);  // An unknown suite is the first thing to say.
  for (const auto& [name, values] : given) {
    if (!values.empty()) CheckGivenOption(suite, name, values);
  }
}

std::map<std::string, std::vector<std::string>> SuiteOptionsRecord(
    const std::map<std::string, std::vector<std::string>, std::less<>>& given) {
  std::map<std::string, std::vector<std::string>> record;
  for (const DeclaredOption& d : DeclaredSuiteOptions()) {
    auto it = given.find(d.option.name);
    record[d.option.config_key] = it == given.end() ? std::vector<std::string>{} : it->second;
  }
  return record;
}

}  // namespace benchctl
