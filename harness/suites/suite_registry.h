// The table of suites `benchctl` offers, and the one way to make a suite by name.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "suite.h"

namespace benchctl {

// One registered suite: its name and how to make one.
struct SuiteEntry {
  std::string_view name;
  std::unique_ptr<Suite> (*make)();
};

// Adds a suite for a test build (tests/selftest_main.cc); the shipped
// benchctl offers only the built-in table in suite_registry.cc.
void RegisterTestSuite(SuiteEntry entry);

// The names of all suites, sorted.
std::vector<std::string> SuiteNames();

// Makes the suite `name`; an unknown name is a benchctl::Error listing the valid ones.
std::unique_ptr<Suite> MakeSuite(const std::string& name);

}  // namespace benchctl
