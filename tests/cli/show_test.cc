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
  ShowOptions wide;
  wide.wide = true;
  // Files from before suites named one: C++. --wide names the implementations compared.
  std::string shown = RenderRun(run, "f", wide);
  EXPECT_NE(shown.find("the fastest C++ (time ratio"), std::string::npos) << shown;
  EXPECT_NE(shown.find("rust-serde/cpp-simdjson"), std::string::npos) << shown;
  // By default a column per language other than the reference one, the ratio in each.
  shown = RenderRun(run, "f");
  // Ratios of 5 against 5 processes: their intervals reach 95% (the medians' cover 93.75%).
  EXPECT_NE(shown.find("the fastest C++ (time ratio [95% CI]"), std::string::npos) << shown;
  EXPECT_NE(shown.find("time per op [93.7% CI]"), std::string::npos) << shown;
  std::size_t header = shown.find("  group ");
  ASSERT_NE(header, std::string::npos) << shown;
  std::string header_line = shown.substr(header, shown.find('\n', header) - header);
  EXPECT_NE(header_line.find("go"), std::string::npos) << header_line;
  EXPECT_NE(header_line.find("rust"), std::string::npos) << header_line;
  EXPECT_EQ(header_line.find("cpp"), std::string::npos) << header_line;
  EXPECT_NE(shown.find("4.00× ["), std::string::npos) << shown;  // go 2 ms over C++ 0.5 ms.
  run.config.suite_details = {{"reference_language", "rust"}};
  shown = RenderRun(run, "f", wide);
  EXPECT_NE(shown.find("the fastest Rust (time ratio"), std::string::npos) << shown;
  EXPECT_NE(shown.find("cpp-simdjson/rust-serde"), std::string::npos) << shown;
  EXPECT_NE(shown.find("go-stdlib/rust-serde"), std::string::npos) << shown;
}

// spsc's shape: a floor row marked as reference, items per operation, a swept parameter.
RunResult WithFloor() {
  RunResult run = MakeRun({MakeJob(Lang("cpp-floor", "cpp"), Times(1.0, 5)),
                           MakeJob(Lang("cpp-ring", "cpp"), Times(4.0, 5)),
                           MakeJob(Lang("rust-ring", "rust"), Times(2.0, 5))});
  for (auto& job : run.jobs) {
    job.spec.items_per_op = 1;
    job.spec.op_unit = "item";
  }
  run.jobs[0].spec.reference = true;
  return run;
}

TEST(ShowTest, AReferenceRowIsNeverRankedAndEveryRowIsARatioToIt) {
  RunResult run = WithFloor();
  ShowOptions wide;
  wide.wide = true;
  std::string shown = RenderRun(run, "f", wide);
  // Five processes: the median's interval covers 93.75%, labelled rounded down.
  EXPECT_NE(shown.find("time per item: median [93.7% CI]"), std::string::npos) << shown;
  EXPECT_NE(shown.find("items/s [93.7% CI]"), std::string::npos) << shown;
  EXPECT_NE(shown.find("vs cpp-floor"), std::string::npos) << shown;
  // The floor is not the fastest implementation, though its time is the lowest.
  EXPECT_NE(shown.find("cpp-floor [reference]"), std::string::npos) << shown;
  EXPECT_NE(shown.find("(not ranked)"), std::string::npos) << shown;
  std::size_t rust = shown.find("  rust-ring ");
  ASSERT_NE(rust, std::string::npos) << shown;
  std::string rust_line = shown.substr(rust, shown.find('\n', rust) - rust);
  EXPECT_NE(rust_line.find("1.00× (fastest)"), std::string::npos) << rust_line;
  EXPECT_NE(rust_line.find("500.0M"), std::string::npos) << rust_line;   // 1 item per 2 ns.
  EXPECT_NE(rust_line.find("2.00× ["), std::string::npos) << rust_line;  // vs the floor.
  // The language table compares with the fastest C++ implementation, not the floor.
  EXPECT_NE(shown.find("rust-ring/cpp-ring 0.50×"), std::string::npos) << shown;
  EXPECT_EQ(shown.find("/cpp-floor"), std::string::npos) << shown;
  // By default: the markers stay whole, the ratio to the floor is the ratio of medians.
  shown = RenderRun(run, "f");
  EXPECT_NE(shown.find("cpp-floor [ref]"), std::string::npos) << shown;
  EXPECT_NE(shown.find("[ref] reference row, not ranked"), std::string::npos) << shown;
  rust = shown.find("  rust-ring ");
  ASSERT_NE(rust, std::string::npos) << shown;
  rust_line = shown.substr(rust, shown.find('\n', rust) - rust);
  EXPECT_NE(rust_line.find("1.00×"), std::string::npos) << rust_line;
  EXPECT_NE(rust_line.find("500.0M"), std::string::npos) << rust_line;
  EXPECT_NE(rust_line.find("2.00×"), std::string::npos) << rust_line;
  EXPECT_NE(shown.find("time per item [93.7% CI]"), std::string::npos) << shown;
}

TEST(ShowTest, ASweptParameterNamesItsOwnGroup) {
  RunResult run = WithFloor();
  run.jobs[1].spec.params = {{"capacity", "64"}};
  run.jobs[2].spec.params = {{"capacity", "1024"}};
  run.config.extra["params"] = {{"capacity", {"64", "1024"}}};
  std::string shown = RenderRun(run, "f");
  EXPECT_NE(shown.find("· capacity=64  ("), std::string::npos) << shown;
  EXPECT_NE(shown.find("· capacity=1024  ("), std::string::npos) << shown;
  // A suite's default sweep (nothing given: http's connection counts) names groups too.
  run.config.extra.erase("params");
  shown = RenderRun(run, "f");
  EXPECT_NE(shown.find("· capacity=64  ("), std::string::npos) << shown;
  // One value for every job names no group.
  run.jobs[1].spec.params = {{"capacity", "1024"}};
  EXPECT_EQ(RenderRun(run, "f").find("capacity="), std::string::npos);
}

}  // namespace
}  // namespace benchctl
