// Claims evaluated on RunResults built in code: every verdict, the straddle rule, the
// direction of ratios (time and rate), selection, and the caveats.
#include "claim_eval.h"

#include <gtest/gtest.h>

#include "comparison.h"
#include "run_fixtures.h"

namespace benchctl {
namespace {

using testing::JobShape;
using testing::MakeJob;
using testing::MakeRun;
using testing::Times;

JobSelector Sel(const std::string& impl, const std::string& suite = "json",
                const std::string& op = "parse-dom") {
  JobSelector s;
  s.suite = suite;
  s.operation = op;
  s.impl = impl;
  return s;
}

JobResult Job(const std::string& impl, double center, std::size_t n = 10,
              const std::string& suite = "json") {
  JobShape shape;
  shape.suite = suite;
  shape.impl = impl;
  shape.language = impl.substr(0, impl.find('-'));
  if (suite != "json") shape.operation = "plaintext", shape.input = "";
  JobResult job = MakeJob(shape, Times(center, n));
  job.spec.items_per_op = 1;
  return job;
}

Claim RatioClaim(const std::string& metric, const JobSelector& num, const JobSelector& den,
                 ClaimTest test) {
  Claim c;
  c.id = "C1";
  c.text = "a claim";
  c.kind = MeasureKind::kRatio;
  c.metric = metric;
  c.numerator = num;
  c.denominator = den;
  c.test = test;
  return c;
}

ClaimTest Between(double low, double high) { return {ClaimTest::Kind::kBetween, low, high}; }

std::vector<LoadedRun> Runs(std::vector<JobResult> jobs) {
  std::vector<LoadedRun> runs;
  runs.push_back({"run.json", MakeRun(std::move(jobs))});
  return runs;
}

ClaimVerdict EvalOne(const Claim& c, const std::vector<LoadedRun>& runs) {
  std::vector<ClaimVerdict> v = EvaluateClaims({c}, runs);
  EXPECT_EQ(v.size(), 1u);
  return v.front();
}

TEST(ClaimJudgeTest, EveryTestKindAndTheStraddleRule) {
  ClaimTest between = Between(1.5, 2.0);
  EXPECT_EQ(Judge(between, 1.6, 1.9), ClaimOutcome::kHolds);
  EXPECT_EQ(Judge(between, 1.5, 2.0), ClaimOutcome::kHolds);  // Ends inclusive.
  EXPECT_EQ(Judge(between, 2.1, 2.3), ClaimOutcome::kDoesNotHold);
  EXPECT_EQ(Judge(between, 1.0, 1.4), ClaimOutcome::kDoesNotHold);
  EXPECT_EQ(Judge(between, 1.4, 1.6), ClaimOutcome::kInconclusive);
  EXPECT_EQ(Judge(between, 1.9, 2.1), ClaimOutcome::kInconclusive);
  ClaimTest below{ClaimTest::Kind::kBelow, 0, 500};
  EXPECT_EQ(Judge(below, 100, 499), ClaimOutcome::kHolds);
  EXPECT_EQ(Judge(below, 500, 600), ClaimOutcome::kDoesNotHold);
  EXPECT_EQ(Judge(below, 400, 600), ClaimOutcome::kInconclusive);
  ClaimTest above{ClaimTest::Kind::kAbove, 1, 0};
  EXPECT_EQ(Judge(above, 1.01, 1.2), ClaimOutcome::kHolds);
  EXPECT_EQ(Judge(above, 0.8, 1.0), ClaimOutcome::kDoesNotHold);
  EXPECT_EQ(Judge(above, 0.9, 1.1), ClaimOutcome::kInconclusive);
}

TEST(ClaimEvalTest, TimeRatioIsNumeratorOverDenominatorWithShowsInterval) {
  auto runs = Runs({Job("rust-serde", 1000), Job("go-stdlib", 2000)});
  ClaimVerdict v =
      EvalOne(RatioClaim("time_ns", Sel("go-stdlib"), Sel("rust-serde"), Between(1.5, 2.5)), runs);
  EXPECT_EQ(v.outcome, ClaimOutcome::kHolds);
  ASSERT_TRUE(v.measured);
  // The same Hodges–Lehmann ratio `show` prints (TimeRatioCell: LogRatio(base, row)).
  ShiftEstimate expected = LogRatio(Times(1000, 10), Times(2000, 10));
  EXPECT_DOUBLE_EQ(v.measured->estimate, expected.estimate);
  EXPECT_DOUBLE_EQ(v.measured->low, expected.ci_low);
  EXPECT_DOUBLE_EQ(v.measured->high, expected.ci_high);
  EXPECT_NEAR(v.measured->estimate, 2.0, 0.02);
  EXPECT_EQ(v.numerator_job, "json/go-stdlib/parse-dom/twitter-1MB");
  EXPECT_EQ(v.denominator_job, "json/rust-serde/parse-dom/twitter-1MB");
  EXPECT_TRUE(v.caveats.empty());
}

TEST(ClaimEvalTest, RateRatioIsTheInverseTimeRatio) {
  // "Rust serves 2× Go's requests/s" is Go's time over Rust's.
  auto runs = Runs({Job("rust-actix", 1000, 10, "http"), Job("go-nethttp", 2000, 10, "http")});
  ClaimVerdict v = EvalOne(RatioClaim("items_per_s", Sel("rust-actix", "http", "plaintext"),
                                      Sel("go-nethttp", "http", "plaintext"), Between(1.8, 2.2)),
                           runs);
  EXPECT_EQ(v.outcome, ClaimOutcome::kHolds);
  ASSERT_TRUE(v.measured);
  EXPECT_NEAR(v.measured->estimate, 2.0, 0.02);
  ShiftEstimate times = LogRatio(Times(1000, 10), Times(2000, 10));  // go / rust time
  EXPECT_NEAR(v.measured->estimate, times.estimate, 1e-9);
  EXPECT_NEAR(v.measured->low, times.ci_low, 1e-9);
  EXPECT_NEAR(v.measured->high, times.ci_high, 1e-9);
  // The other way round it is below 1: the claim does not hold.
  ClaimVerdict flipped =
      EvalOne(RatioClaim("items_per_s", Sel("go-nethttp", "http", "plaintext"),
                         Sel("rust-actix", "http", "plaintext"), Between(1.8, 2.2)),
              runs);
  EXPECT_EQ(flipped.outcome, ClaimOutcome::kDoesNotHold);
  EXPECT_NEAR(flipped.measured->estimate, 0.5, 0.01);
}

TEST(ClaimEvalTest, DoesNotHoldAndInconclusive) {
  auto runs = Runs({Job("rust-serde", 1000), Job("go-stdlib", 2000)});
  EXPECT_EQ(EvalOne(RatioClaim("time_ns", Sel("go-stdlib"), Sel("rust-serde"), Between(3, 4)), runs)
                .outcome,
            ClaimOutcome::kDoesNotHold);
  // The measured interval is about [1.99, 2.01]: a bound at 2 splits it.
  ClaimVerdict straddle =
      EvalOne(RatioClaim("time_ns", Sel("go-stdlib"), Sel("rust-serde"), Between(2.0, 3.0)), runs);
  EXPECT_EQ(straddle.outcome, ClaimOutcome::kInconclusive);
  ASSERT_TRUE(straddle.measured);
  EXPECT_LT(straddle.measured->low, 2.0);
  EXPECT_GT(straddle.measured->high, 2.0);
  EXPECT_NE(straddle.why.find("straddles"), std::string::npos);
}

TEST(ClaimEvalTest, ValueClaimUsesTheMedianInterval) {
  auto runs = Runs({Job("rust-serde", 1000)});
  Claim c;
  c.id = "C5";
  c.kind = MeasureKind::kValue;
  c.metric = "time_ns";
  c.of = Sel("rust-serde");
  c.test = {ClaimTest::Kind::kBelow, 0, 1100};
  ClaimVerdict v = EvalOne(c, runs);
  EXPECT_EQ(v.outcome, ClaimOutcome::kHolds);
  Summary s = Summarize(Times(1000, 10));
  EXPECT_DOUBLE_EQ(v.measured->estimate, s.median);
  EXPECT_DOUBLE_EQ(v.measured->low, s.ci_low);
  EXPECT_DOUBLE_EQ(v.measured->high, s.ci_high);
  c.test = {ClaimTest::Kind::kBelow, 0, 900};
  EXPECT_EQ(EvalOne(c, runs).outcome, ClaimOutcome::kDoesNotHold);
}

TEST(ClaimEvalTest, NotMeasuredSaysWhatIsMissingAndHowToMeasure) {
  auto runs = Runs({Job("rust-serde", 1000)});
  Claim c = RatioClaim("time_ns", Sel("go-stdlib"), Sel("rust-serde"), Between(1, 2));
  ClaimVerdict no_job = EvalOne(c, runs);
  EXPECT_EQ(no_job.outcome, ClaimOutcome::kNotMeasured);
  EXPECT_NE(no_job.why.find("no job go-stdlib json/parse-dom"), std::string::npos) << no_job.why;
  EXPECT_EQ(no_job.command,
            "benchctl run --suite json --op parse-dom --impl go-stdlib --impl rust-serde");
  c.numerator = Sel("rust-ring", "spsc", "throughput");
  c.denominator = Sel("rust-crossbeam", "spsc", "throughput");
  ClaimVerdict no_suite = EvalOne(c, runs);
  EXPECT_EQ(no_suite.outcome, ClaimOutcome::kNotMeasured);
  EXPECT_EQ(no_suite.why, "no spsc run in the given files");
  EXPECT_EQ(EvalOne(c, {}).outcome, ClaimOutcome::kNotMeasured);

  Claim unmeasured;
  unmeasured.id = "C13";
  unmeasured.kind = MeasureKind::kUnmeasured;
  unmeasured.needs = "a numeric suite, which does not exist yet";
  ClaimVerdict u = EvalOne(unmeasured, runs);
  EXPECT_EQ(u.outcome, ClaimOutcome::kNotMeasured);
  EXPECT_EQ(u.why, unmeasured.needs);
  EXPECT_TRUE(u.command.empty());
}

TEST(ClaimEvalTest, AMetricTheJobLacksIsNotMeasured) {
  auto runs = Runs({Job("rust-serde", 1000)});
  Claim c;
  c.kind = MeasureKind::kValue;
  c.metric = "gc_pause_p50_ns";
  c.of = Sel("rust-serde");
  ClaimVerdict v = EvalOne(c, runs);
  EXPECT_EQ(v.outcome, ClaimOutcome::kNotMeasured);
  EXPECT_NE(v.why.find("no verified values of gc_pause_p50_ns"), std::string::npos) << v.why;
}

TEST(ClaimEvalTest, TwoMatchingJobsAreAmbiguous) {
  std::vector<LoadedRun> runs = Runs({Job("rust-serde", 1000)});
  runs.push_back({"other.json", MakeRun({Job("rust-serde", 1200)})});
  Claim c;
  c.kind = MeasureKind::kValue;
  c.metric = "time_ns";
  c.of = Sel("rust-serde");
  c.test = {ClaimTest::Kind::kBelow, 0, 5000};
  ClaimVerdict v = EvalOne(c, runs);
  EXPECT_EQ(v.outcome, ClaimOutcome::kNotMeasured);
  EXPECT_NE(v.why.find("2 jobs match"), std::string::npos) << v.why;
}

TEST(ClaimEvalTest, FastestOfLanguageSkipsOtherLanguagesAndReferenceRows) {
  JobResult reference = Job("rust-floor", 100);
  reference.spec.reference = true;
  auto runs = Runs({Job("rust-serde", 1000), Job("rust-simd", 700), Job("cpp-simdjson", 300),
                    std::move(reference), Job("go-stdlib", 2100)});
  JobSelector fastest_rust = Sel("");
  fastest_rust.fastest_of_language = "rust";
  ClaimVerdict v =
      EvalOne(RatioClaim("time_ns", Sel("go-stdlib"), fastest_rust, Between(2.9, 3.1)), runs);
  EXPECT_EQ(v.denominator_job, "json/rust-simd/parse-dom/twitter-1MB");
  EXPECT_EQ(v.outcome, ClaimOutcome::kHolds);
  EXPECT_EQ(v.command, "benchctl run --suite json --op parse-dom --lang go --lang rust");
}

TEST(ClaimEvalTest, ParamsAndInputNarrowTheSelection) {
  JobResult c16 = Job("rust-actix", 1000, 10, "http");
  c16.spec.params = {{"connections", "16"}};
  c16.spec.id += "/connections=16";
  JobResult c256 = Job("rust-actix", 500, 10, "http");
  c256.spec.params = {{"connections", "256"}};
  c256.spec.id += "/connections=256";
  auto runs = Runs({c16, c256});
  Claim c;
  c.kind = MeasureKind::kValue;
  c.metric = "items_per_s";
  c.of = Sel("rust-actix", "http", "plaintext");
  c.test = {ClaimTest::Kind::kAbove, 1.5e6, 0};
  EXPECT_EQ(EvalOne(c, runs).outcome, ClaimOutcome::kNotMeasured);  // Which level?
  c.of.params = {{"connections", "256"}};
  ClaimVerdict v = EvalOne(c, runs);
  EXPECT_EQ(v.outcome, ClaimOutcome::kHolds);
  EXPECT_NEAR(v.measured->estimate, 2e6, 2e4);  // 1 request per 500 ns.
  EXPECT_NE(v.command.find("--param connections=256"), std::string::npos);
}

TEST(ClaimEvalTest, FewProcessesAndQuickRunsAreLabelled) {
  std::vector<LoadedRun> runs = Runs({Job("rust-serde", 1000, 3)});
  runs[0].run.config.quick = true;
  Claim c;
  c.kind = MeasureKind::kValue;
  c.metric = "time_ns";
  c.of = Sel("rust-serde");
  c.test = {ClaimTest::Kind::kBelow, 0, 5000};
  ClaimVerdict v = EvalOne(c, runs);
  EXPECT_EQ(v.outcome, ClaimOutcome::kHolds);
  ASSERT_EQ(v.caveats.size(), 2u);
  EXPECT_NE(v.caveats[0].find("--quick"), std::string::npos);
  EXPECT_NE(v.caveats[1].find("3 processes"), std::string::npos);
  EXPECT_NE(v.caveats[1].find("75% coverage"), std::string::npos) << v.caveats[1];
  // One process: no interval, so no verdict either way.
  runs = Runs({Job("rust-serde", 1000, 1)});
  EXPECT_EQ(EvalOne(c, runs).outcome, ClaimOutcome::kInconclusive);
}

TEST(ClaimEvalTest, BinarySizeIsExact) {
  JobResult rust = Job("rust-axum", 1000, 10, "http");
  rust.spec.artifact = {{"size_bytes", 1000000}};
  JobResult go = Job("go-nethttp", 1000, 10, "http");
  go.spec.artifact = {{"size_bytes", 8000000}};
  auto runs = Runs({rust, go});
  ClaimVerdict v = EvalOne(RatioClaim("binary_size_bytes", Sel("go-nethttp", "http", "plaintext"),
                                      Sel("rust-axum", "http", "plaintext"), Between(7.9, 8.1)),
                           runs);
  EXPECT_EQ(v.outcome, ClaimOutcome::kHolds);
  ASSERT_TRUE(v.measured);
  EXPECT_TRUE(v.measured->exact);
  EXPECT_DOUBLE_EQ(v.measured->low, 8.0);
  EXPECT_DOUBLE_EQ(v.measured->high, 8.0);
  EXPECT_TRUE(v.caveats.empty());
}

TEST(ClaimEvalTest, StoredCounterMetricIsRead) {
  JobResult go = Job("go-default", 1000, 10, "alloc");
  MetricSpec spec = CounterMetric("gc_pause_p50_ns", "ns", Better::kLower, 0.1, false, "p50");
  std::vector<double> pauses = Times(300000, 10);
  go.stored_metrics.push_back({spec, pauses, Summarize(pauses)});
  auto runs = Runs({go});
  Claim c;
  c.kind = MeasureKind::kValue;
  c.metric = "gc_pause_p50_ns";
  c.of = Sel("go-default", "alloc", "plaintext");
  c.test = {ClaimTest::Kind::kBelow, 0, 500000};
  ClaimVerdict v = EvalOne(c, runs);
  EXPECT_EQ(v.outcome, ClaimOutcome::kHolds);
  EXPECT_NEAR(v.measured->estimate, 300000, 2000);
}

}  // namespace
}  // namespace benchctl
