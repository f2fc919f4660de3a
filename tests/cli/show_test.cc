// `benchctl show` (harness/cli/show.h): the language-ratio table's reference comes from the
// suite's recorded details, not from show.
#include "show.h"

#include <gtest/gtest.h>

#include "run_fixtures.h"

namespace benchctl {
namespace {

using testing::JobShape;
using testing::MakeJob;
using testing::MakeRun;
using testing::Times;

JobShape Lang(const std::string& impl, const std::string& language) {
  JobShape s;
  s.impl = impl;
  s.language = language;
  return s;
}

RunResult ThreeLanguages() {
  return MakeRun({MakeJob(Lang("rust-serde", "rust"), Times(1e6, 5)),
                  MakeJob(Lang("go-stdlib", "go"), Times(2e6, 5)),
                  MakeJob(Lang("cpp-simdjson", "cpp"), Times(5e5, 5))});
}

TEST(ShowTest, LanguageRatiosAreAgainstTheSuitesReferenceLanguage) {
  RunResult run = ThreeLanguages();
  run.toolchains = {{"rust", {{"display_name", "Rust"}}}, {"cpp", {{"display_name", "C++"}}}};
  // Files from before suites named one: C++.
  std::string shown = RenderRun(run, "f");
  EXPECT_NE(shown.find("the fastest C++ (time ratio"), std::string::npos) << shown;
  EXPECT_NE(shown.find("rust-serde/cpp-simdjson"), std::string::npos) << shown;
  run.config.suite_details = {{"reference_language", "rust"}};
  shown = RenderRun(run, "f");
  EXPECT_NE(shown.find("the fastest Rust (time ratio"), std::string::npos) << shown;
  EXPECT_NE(shown.find("cpp-simdjson/rust-serde"), std::string::npos) << shown;
  EXPECT_NE(shown.find("go-stdlib/rust-serde"), std::string::npos) << shown;
}

}  // namespace
}  // namespace benchctl
