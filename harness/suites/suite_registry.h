// The table of suites `benchctl` offers, and the one way to make a suite by name.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "suite.h"

namespace benchctl {

// One registered suite: its name, how to make one, and the command-line options it declares
// for itself (nullptr: none).
struct SuiteEntry {
  std::string_view name;
  std::unique_ptr<Suite> (*make)();
  std::vector<SuiteOption> (*options)() = nullptr;
};

// Adds a suite for a test build (tests/selftest_main.cc); the shipped
// benchctl offers only the built-in table in suite_registry.cc.
void RegisterTestSuite(SuiteEntry entry);

// The names of all suites, sorted.
std::vector<std::string> SuiteNames();

// Makes the suite `name`; an unknown name is a benchctl::Error listing the valid ones.
std::unique_ptr<Suite> MakeSuite(const std::string& name);

// A suite's option with the suite that declared it.
struct DeclaredOption {
  std::string suite;
  SuiteOption option;
};

// The options every suite declares, by suite name, then in the order the suite declares them.
std::vector<DeclaredOption> DeclaredSuiteOptions();

// Checks the suite options given for a run of `suite` (`given`: option name → values; names
// without values were not given). A benchctl::Error names an unknown suite, an option that
// belongs to another suite (and that suite), a non-repeatable option given more than once, and
// a value the option's check refuses.
void CheckSuiteOptions(const std::string& suite,
                       const std::map<std::string, std::vector<std::string>, std::less<>>& given);

// What the result's config records for the suite options: every declared option of every
// suite under its config key, with the values given (none for the other suites' options, so
// every run's config has the same keys).
std::map<std::string, std::vector<std::string>> SuiteOptionsRecord(
    const std::map<std::string, std::vector<std::string>, std::less<>>& given);

}  // namespace benchctl
