// harness/compare, comparability and compare_render on runs built in code, plus the exit
// statuses of `benchctl compare`. Verdicts come from comparison.h (tested there); these tests
// check the pairing, what is listed, Holm across rows, and what the reports say.
#include "compare.h"

#include <gtest/gtest.h>

#include "comparability.h"
#include "compare_render.h"
#include "error.h"
#include "raw_control.h"
#include "result_file.h"
#include "run_fixtures.h"
#include "test_support.h"

namespace benchctl {
namespace {

using testing::JobShape;
using testing::MakeFailedJob;
using testing::MakeJob;
using testing::MakeRun;
using testing::Times;

JobShape Impl(const std::string& impl, const std::string& label = "") {
  JobShape s;
  s.impl = impl;
  s.build_label = label;
  return s;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(CompareTest, IdenticalRunsShowNoChange) {
  RunResult run = MakeRun(
      {MakeJob(Impl("rust-serde"), Times(1e6, 10)), MakeJob(Impl("go-std"), Times(2e6, 10))});
  Comparison c = CompareRuns(run, run);
  ASSERT_EQ(c.rows.size(), 4u);  // Two jobs × (time, peak RSS).
  for (const auto& r : c.rows) {
    EXPECT_EQ(r.verdict, Verdict::kNoChange) << JobKeyName(r.key) << " " << r.metric.label;
    EXPECT_DOUBLE_EQ(r.ratio.estimate, 1.0);
    EXPECT_DOUBLE_EQ(r.median_ratio, 1.0);
  }
  EXPECT_FALSE(HasRegression(c));
  EXPECT_DOUBLE_EQ(*c.Geomean("time"), 1.0);
  EXPECT_TRUE(c.only_base.empty() && c.only_candidate.empty() && c.uncompared.empty());
}

TEST(CompareTest, TwentyPercentSlowerWithLowNoiseIsARegression) {
  RunResult base = MakeRun({MakeJob(Impl("rust-serde"), Times(1e6, 10))});
  RunResult cand = MakeRun({MakeJob(Impl("rust-serde"), Times(1.2e6, 10))});
  Comparison c = CompareRuns(base, cand);
  ASSERT_EQ(c.rows[0].metric.label, "time");
  EXPECT_EQ(c.rows[0].verdict, Verdict::kRegression);
  EXPECT_NEAR(c.rows[0].ratio.estimate, 1.2, 0.01);
  EXPECT_GT(c.rows[0].ratio.ci_low, 1.05);
  EXPECT_EQ(c.rows[1].verdict, Verdict::kNoChange);  // Peak RSS did not move.
  EXPECT_TRUE(HasRegression(c));
  // And the other way round it is an improvement, not a regression.
  Comparison back = CompareRuns(cand, base);
  EXPECT_EQ(back.rows[0].verdict, Verdict::kImprovement);
  EXPECT_FALSE(HasRegression(back));
}

TEST(CompareTest, MemoryGetsItsOwnVerdict) {
  JobShape big = Impl("rust-serde");
  big.peak_rss_kb = 8000;
  RunResult base = MakeRun({MakeJob(Impl("rust-serde"), Times(1e6, 10))});
  RunResult cand = MakeRun({MakeJob(big, Times(1e6, 10))});
  Comparison c = CompareRuns(base, cand);
  ASSERT_EQ(c.rows.size(), 2u);
  EXPECT_EQ(c.rows[0].verdict, Verdict::kNoChange);
  EXPECT_EQ(c.rows[1].metric.label, "peak_rss");
  EXPECT_EQ(c.rows[1].verdict, Verdict::kRegression);
  EXPECT_NEAR(*c.Geomean("peak_rss"), 2.0, 0.01);
}

// Instruction counts of `n` callgrind runs: deterministic, so all equal.
JobResult Counted(JobResult job, double per_op, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    InstructionRecord c;
    c.ok = true;
    c.per_op = per_op;
    c.extra_iterations = 10;
    job.instructions.push_back(c);
  }
  return job;
}

TEST(CompareTest, InstructionCountsGetTheirOwnRowsAndThreshold) {
  // Time is too noisy to tell (±30%), but 10% more instructions is a regression.
  std::vector<double> noisy = {1e6, 1.3e6, 0.8e6, 1.1e6, 0.9e6, 1.25e6};
  RunResult base = MakeRun({Counted(MakeJob(Impl("rust-serde"), noisy), 3.3e6, 6)});
  RunResult cand = MakeRun({Counted(MakeJob(Impl("rust-serde"), noisy), 3.63e6, 6)});
  Comparison c = CompareRuns(base, cand);
  ASSERT_EQ(c.rows.size(), 3u);
  EXPECT_EQ(c.rows[2].metric.label, "instructions");
  EXPECT_EQ(c.rows[2].metric.label, "instructions");
  EXPECT_EQ(c.rows[2].verdict, Verdict::kRegression);
  EXPECT_NEAR(c.rows[2].ratio.estimate, 1.1, 1e-9);
  EXPECT_NEAR(*c.Geomean("instructions"), 1.1, 1e-9);
  EXPECT_NE(c.rows[0].verdict, Verdict::kRegression);
  EXPECT_TRUE(HasRegression(c));
  // A 0.5% change is inside the 1% band; with --instruction-threshold 0.2% it is not.
  RunResult small = MakeRun({Counted(MakeJob(Impl("rust-serde"), noisy), 3.3165e6, 6)});
  EXPECT_EQ(CompareRuns(base, small).rows[2].verdict, Verdict::kNoChange);
  CompareOptions strict;
  strict.instruction_threshold = 0.002;
  EXPECT_EQ(CompareRuns(base, small, strict).rows[2].verdict, Verdict::kRegression);
  // Without counts on either side there are no instruction rows.
  RunResult plain = MakeRun({MakeJob(Impl("rust-serde"), noisy)});
  EXPECT_EQ(CompareRuns(plain, plain).rows.size(), 2u);
  EXPECT_FALSE(CompareRuns(plain, plain).Geomean("instructions").has_value());
  // Counted on one side only: listed as not compared, not silently dropped.
  Comparison one_sided = CompareRuns(plain, cand);
  ASSERT_EQ(one_sided.uncompared.size(), 1u);
  EXPECT_EQ(one_sided.uncompared[0].reason, "instructions: not measured in the base");
  std::string table = RenderCompareTable({c, {}, "a", "b"}, false);
  EXPECT_TRUE(Contains(table, "instructions per operation (callgrind)")) << table;
  EXPECT_TRUE(Contains(table, "3.30M [3.30M, 3.30M]")) << table;
  EXPECT_TRUE(Contains(table, "instructions ±1.0%")) << table;
}

TEST(CompareTest, TooFewProcessesIsInconclusive) {
  RunResult base = MakeRun({MakeJob(Impl("rust-serde"), Times(1e6, 3))});
  RunResult cand = MakeRun({MakeJob(Impl("rust-serde"), Times(2e6, 3))});
  Comparison c = CompareRuns(base, cand);
  EXPECT_EQ(c.rows[0].verdict, Verdict::kInconclusive);
  // 3 against 3 gives p >= 0.1 at best: the report says so rather than look like noise.
  EXPECT_EQ(c.underpowered, 2u);
  EXPECT_TRUE(Contains(RenderCompareTable({c, {}, "a", "b"}, false),
                       "2 of 2 rows cannot reach significance"));
  // 10 against 10 can (p >= 1.1e-5 before Holm over 2 tests).
  RunResult more = MakeRun({MakeJob(Impl("rust-serde"), Times(2e6, 10))});
  EXPECT_EQ(CompareRuns(MakeRun({MakeJob(Impl("rust-serde"), Times(1e6, 10))}), more).underpowered,
            0u);
}

TEST(CompareTest, OneSidedJobsAreListed) {
  RunResult base = MakeRun(
      {MakeJob(Impl("rust-serde"), Times(1e6, 10)), MakeJob(Impl("go-std"), Times(1e6, 10))});
  RunResult cand = MakeRun(
      {MakeJob(Impl("rust-serde"), Times(1e6, 10)), MakeJob(Impl("zig-std"), Times(1e6, 10))});
  CompareReport report{CompareRuns(base, cand), {}, "a.json", "b.json"};
  ASSERT_EQ(report.comparison.only_base.size(), 1u);
  EXPECT_EQ(report.comparison.only_base[0].impl, "go-std");
  ASSERT_EQ(report.comparison.only_candidate.size(), 1u);
  EXPECT_EQ(report.comparison.only_candidate[0].impl, "zig-std");
  std::string table = RenderCompareTable(report, false);
  EXPECT_TRUE(Contains(table, "only in base (1)\n  json/parse-dom/go-std/twitter-1MB"));
  EXPECT_TRUE(Contains(table, "only in candidate (1)\n  json/parse-dom/zig-std/twitter-1MB"));
}

TEST(CompareTest, FailedJobsAreListedAndACandidateFailureFailsTheGate) {
  RunResult ok = MakeRun({MakeJob(Impl("rust-serde"), Times(1e6, 10))});
  RunResult failed = MakeRun({MakeFailedJob(Impl("rust-serde"), "verification mismatch")});
  Comparison c = CompareRuns(ok, failed);
  EXPECT_TRUE(c.rows.empty());
  ASSERT_EQ(c.uncompared.size(), 1u);
  EXPECT_EQ(c.uncompared[0].candidate_status, "failed");
  EXPECT_EQ(c.uncompared[0].reason, "failed in the candidate: verification mismatch");
  EXPECT_TRUE(HasRegression(c));
  EXPECT_TRUE(Contains(RenderCompareMarkdown({c, {}, "a", "b"}), "verification mismatch"));
  // A base that failed is listed too, but the candidate is not to blame.
  Comparison fixed = CompareRuns(failed, ok);
  ASSERT_EQ(fixed.uncompared.size(), 1u);
  EXPECT_FALSE(HasRegression(fixed));
}

TEST(CompareTest, HolmIsAppliedAcrossAllRows) {
  RunResult base =
      MakeRun({MakeJob(Impl("a-x"), Times(1e6, 6)), MakeJob(Impl("b-x"), Times(1e6, 6)),
               MakeJob(Impl("c-x"), Times(1e6, 6))});
  RunResult cand =
      MakeRun({MakeJob(Impl("a-x"), Times(1.3e6, 6)), MakeJob(Impl("b-x"), Times(1.001e6, 6)),
               MakeJob(Impl("c-x"), Times(0.9e6, 6))});
  Comparison c = CompareRuns(base, cand);
  std::vector<double> p;
  for (const auto& r : c.rows) p.push_back(r.p_value);
  std::vector<double> expected = HolmAdjust(p);
  ASSERT_EQ(c.rows.size(), 6u);
  bool some_adjusted_up = false;
  for (std::size_t i = 0; i < c.rows.size(); ++i) {
    EXPECT_DOUBLE_EQ(c.rows[i].adjusted_p, expected[i]);
    some_adjusted_up |= c.rows[i].adjusted_p > c.rows[i].p_value;
  }
  EXPECT_TRUE(some_adjusted_up);
}

TEST(CompareTest, AmbiguousPairingIsAnError) {
  RunResult ab = MakeRun({MakeJob(Impl("rust-serde", "base"), Times(1e6, 5)),
                          MakeJob(Impl("rust-serde", "candidate"), Times(1e6, 5))});
  RunResult plain = MakeRun({MakeJob(Impl("rust-serde"), Times(1e6, 5))});
  EXPECT_THROW(CompareRuns(ab, plain), Error);
  // Two A/B runs pair base with base and candidate with candidate.
  Comparison c = CompareRuns(ab, ab);
  ASSERT_EQ(c.rows.size(), 4u);
  EXPECT_EQ(c.rows[0].key.build_label, "base");
  EXPECT_EQ(c.rows[1].key.build_label, "candidate");
}

TEST(CompareTest, WithinRunPairsBaseAndCandidateBuilds) {
  RunResult run = MakeRun({MakeJob(Impl("rust-serde", "base"), Times(1e6, 10)),
                           MakeJob(Impl("go-std", "base"), Times(1e6, 10)),
                           MakeJob(Impl("rust-serde", "candidate"), Times(1.2e6, 10)),
                           MakeJob(Impl("go-std", "candidate"), Times(1e6, 10))});
  std::vector<CompareRow> rows = CompareWithinRun(run);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(JobKeyName(rows[0].key), "json/parse-dom/rust-serde/twitter-1MB");
  EXPECT_EQ(rows[0].verdict, Verdict::kRegression);
  EXPECT_EQ(rows[1].verdict, Verdict::kNoChange);
  EXPECT_THROW(CompareBuilds(MakeRun({MakeJob(Impl("x-y"), Times(1, 5))})), Error);
}

TEST(CompareTest, OptionsAreValidated) {
  RunResult run = MakeRun({MakeJob(Impl("rust-serde"), Times(1e6, 5))});
  CompareOptions bad;
  bad.alpha = 1.5;
  EXPECT_THROW(CompareRuns(run, run, bad), Error);
  bad = {};
  bad.threshold = -0.1;
  EXPECT_THROW(CompareRuns(run, run, bad), Error);
}

TEST(ComparabilityTest, WarningsNameWhatDiffersWithBothValues) {
  RunResult base = MakeRun({MakeJob(Impl("rust-serde"), Times(1e6, 5))});
  JobShape other_input = Impl("rust-serde");
  other_input.input_sha256 = "bb22";
  RunResult cand = MakeRun({MakeJob(other_input, Times(1e6, 5))});
  cand.environment.system.cpu_model = "Other CPU";
  cand.toolchains["rust"]["version"] = "rustc 1.91.0";
  cand.toolchains["rust"]["build_argv"] = {"cargo", "build"};
  cand.config.suite = "startup";
  std::vector<std::string> messages;
  for (const auto& w : CheckRunsComparable(base, cand)) messages.push_back(w.Message());
  auto has = [&](const std::string& m) {
    return std::find(messages.begin(), messages.end(), m) != messages.end();
  };
  EXPECT_EQ(messages.size(), 5u);
  EXPECT_TRUE(has("suite differs: base 'json', candidate 'startup'"));
  EXPECT_TRUE(has("CPU model differs: base 'Test CPU @ 3.00GHz', candidate 'Other CPU'"));
  EXPECT_TRUE(has("rust toolchain version differs: base 'rustc 1.90.0', candidate 'rustc 1.91.0'"));
  EXPECT_TRUE(has(
      "rust toolchain build_argv differs: base 'cargo build --release', candidate 'cargo build'"));
  EXPECT_TRUE(has("input twitter-1MB sha256 differs: base 'aa11', candidate 'bb22'"));
  EXPECT_TRUE(CheckRunsComparable(base, base).empty());
  // Instruction counts: valgrind's version, checked only when both runs counted.
  RunResult counted = base;
  counted.config.instructions = InstructionsConfig{};
  counted.config.instructions->valgrind_version = "valgrind-3.19.0";
  EXPECT_TRUE(CheckRunsComparable(base, counted).empty());
  RunResult newer = counted;
  newer.config.instructions->valgrind_version = "valgrind-3.22.0";
  ASSERT_EQ(CheckRunsComparable(counted, newer).size(), 1u);
  EXPECT_EQ(CheckRunsComparable(counted, newer)[0].Message(),
            "valgrind version differs: base 'valgrind-3.19.0', candidate 'valgrind-3.22.0'");
}

TEST(ComparabilityTest, AbBuildsWithDifferentInputsWarn) {
  JobShape cand = Impl("rust-serde", "candidate");
  cand.input_sha256 = "cc33";
  RunResult run =
      MakeRun({MakeJob(Impl("rust-serde", "base"), Times(1e6, 5)), MakeJob(cand, Times(1e6, 5))});
  auto warnings = CheckBuildsComparable(run);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].base, "aa11");
  EXPECT_EQ(warnings[0].candidate, "cc33");
}

TEST(CompareRenderTest, FormatsAgreeOnTheVerdict) {
  RunResult base = MakeRun({MakeJob(Impl("rust-serde"), Times(1e6, 10))});
  RunResult cand = MakeRun({MakeJob(Impl("rust-serde"), Times(1.2e6, 10))});
  CompareReport report{CompareRuns(base, cand), CheckRunsComparable(base, cand), "a", "b"};
  std::string plain = RenderCompareTable(report, false);
  std::string colour = RenderCompareTable(report, true);
  EXPECT_TRUE(Contains(plain, "regression") && Contains(plain, "result: REGRESSION"));
  EXPECT_FALSE(Contains(plain, "\033["));
  EXPECT_TRUE(Contains(colour, "\033[1;31mregression\033[0m"));
  EXPECT_TRUE(Contains(RenderCompareMarkdown(report), "| **regression** |"));
  nlohmann::json j = CompareReportToJson(report);
  EXPECT_EQ(j["rows"][0]["verdict"], "regression");
  EXPECT_EQ(j["regression"], true);
  EXPECT_EQ(j["counts"]["regression"], 1);
}

// Names are data: a job whose names hold terminal controls or markup, on both sides, one only in
// the base, and a CPU model that differs (a comparability warning quotes both values).
CompareReport HostileReport() {
  JobShape evil = Impl("evil\x1b]0;pwned\x07|`x");
  evil.input = "in\xc2\x9b";
  JobShape script = Impl("<script>alert(1)</script>");
  RunResult base = MakeRun({MakeJob(evil, Times(1e6, 10)), MakeJob(script, Times(1e6, 10))});
  RunResult cand = MakeRun({MakeJob(evil, Times(1e6, 10))});
  cand.environment.system.cpu_model = "cpu\x1b[2J";
  return {CompareRuns(base, cand), CheckRunsComparable(base, cand), "base\x1b.json", "c.json"};
}

TEST(CompareRenderTest, TerminalTableEscapesNamesAndValuesFromTheFiles) {
  std::string table = RenderCompareTable(HostileReport(), false);
  EXPECT_FALSE(testing::HasRawControl(table, false)) << table;
  EXPECT_TRUE(Contains(table, "json/parse-dom/evil\\x1b]0;pwned\\x07|`x/in\\u009b")) << table;
  EXPECT_TRUE(Contains(table, "base:      base\\x1b.json")) << table;
  EXPECT_TRUE(Contains(table, "candidate 'cpu\\x1b[2J'")) << table;
}

TEST(CompareRenderTest, MarkdownShowsMarkupInNamesAsText) {
  std::string md = RenderCompareMarkdown(HostileReport());
  EXPECT_FALSE(testing::HasRawControl(md, false)) << md;
  EXPECT_FALSE(Contains(md, "<script>")) << md;
  EXPECT_TRUE(Contains(md, "- json/parse-dom/&lt;script&gt;alert(1)&lt;/script&gt;/twitter-1MB"))
      << md;
  // In a table cell the name is a code span: the pipe is escaped for GFM and the fence is
  // longer than the backtick inside.
  EXPECT_TRUE(Contains(md, "| `` json/parse-dom/evil\\x1b]0;pwned\\x07\\|`x/in\\u009b `` |")) << md;
  EXPECT_TRUE(Contains(md, "candidate 'cpu\\\\x1b\\[2J'")) << md;
}

// The CLI: exit 0 without a regression, 1 with one, 2 for --strict on incomparable runs.
TEST(CompareCliTest, ExitStatuses) {
  testing::TempDir dir;
  auto write = [&](const std::string& name, const RunResult& run) {
    WriteFileAtomically(dir / name, RunResultToJson(run).dump());
    return (dir / name).string();
  };
  std::string base = write("base.json", MakeRun({MakeJob(Impl("rust-serde"), Times(1e6, 10))}));
  std::string same = write("same.json", MakeRun({MakeJob(Impl("rust-serde"), Times(1e6, 10))}));
  std::string slow = write("slow.json", MakeRun({MakeJob(Impl("rust-serde"), Times(1.2e6, 10))}));
  RunResult other_cpu = MakeRun({MakeJob(Impl("rust-serde"), Times(1e6, 10))});
  other_cpu.environment.system.cpu_model = "Other CPU";
  std::string other = write("other.json", other_cpu);

  EXPECT_EQ(testing::RunBenchctl({"compare", base, same}).exit_code, 0);
  CommandResult r = testing::RunBenchctl({"compare", base, slow, "--format", "md"});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_TRUE(Contains(r.output, "**regression**"));
  r = testing::RunBenchctl({"compare", base, slow, "--threshold", "0.5"});
  EXPECT_EQ(r.exit_code, 0) << r.output;  // 20% is inside a 50% noise band.
  r = testing::RunBenchctl({"compare", base, slow, "--threshold", "50%"});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(Contains(r.output, "noise threshold ±50.0%")) << r.output;
  r = testing::RunBenchctl({"compare", base, slow, "--threshold", "2"});
  EXPECT_EQ(r.exit_code, 2) << r.output;  // Not a silent 200% band that hides the regression.
  EXPECT_TRUE(Contains(r.output, "write 2% if you meant 2 percent")) << r.output;
  r = testing::RunBenchctl({"compare", base, other});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(Contains(r.output, "CPU model differs: base 'Test CPU @ 3.00GHz'"));
  r = testing::RunBenchctl({"compare", base, other, "--strict"});
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_TRUE(Contains(r.output, "--strict") && Contains(r.output, "'Other CPU'"));
  r = testing::RunBenchctl({"compare", base});
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_TRUE(Contains(r.output, "no A/B jobs"));
  r = testing::RunBenchctl({"compare", base, slow, "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(r.output)["regression"], true);
  // Another schema version is never read as this one: an error naming the file and both versions.
  nlohmann::json future = RunResultToJson(MakeRun({MakeJob(Impl("rust-serde"), Times(1e6, 10))}));
  future["schema_version"] = 3;
  WriteFileAtomically(dir / "future.json", future.dump());
  r = testing::RunBenchctl({"compare", base, (dir / "future.json").string()});
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_TRUE(Contains(r.output,
                       "future.json: result schema_version 3 is not supported (this "
                       "benchctl reads 1 and 2)"))
      << r.output;
}

}  // namespace
}  // namespace benchctl
