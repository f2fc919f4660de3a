// The open metric model (harness/results/metric.h, job_summary.h): built-in and declared
// counter metrics computed from records, stored in schema-2 files, converted from schema 1,
// and compared with their direction.
#include <gtest/gtest.h>

#include <filesystem>

#include "compare.h"
#include "compare_render.h"
#include "error.h"
#include "exporters.h"
#include "job_summary.h"
#include "result_file.h"
#include "run_fixtures.h"
#include "show.h"

namespace benchctl {
namespace {

using testing::JobShape;
using testing::MakeJob;
using testing::MakeRun;
using testing::Times;

// A job whose suite declares the counter "requests_per_s" (higher is better, gated at 5%).
JobResult WithCounter(JobResult job, double per_process) {
  job.spec.counter_metrics = {
      CounterMetric("requests_per_s", "req/s", Better::kHigher, 0.05, true, "requests per second")};
  for (auto& p : job.processes) p.counters["requests_per_s"] = per_process;
  return job;
}

TEST(Metrics, PageFaultsAreMetricsWhenEveryProcessHasThem) {
  JobResult job = MakeJob(JobShape{}, {1000, 2000, 4000});
  EXPECT_EQ(FindMetric(ComputeMetrics(job), "minor_faults"), nullptr);  // An older file.
  long faults = 100;
  for (auto& p : job.processes) {
    p.minor_faults = faults;
    p.major_faults = 0;
    faults *= 2;
  }
  std::vector<Metric> metrics = ComputeMetrics(job);
  const Metric* minor = FindMetric(metrics, "minor_faults");
  ASSERT_NE(minor, nullptr);
  EXPECT_EQ(minor->values, (std::vector<double>{100, 200, 400}));
  EXPECT_EQ(minor->spec.unit, "faults");
  ASSERT_NE(FindMetric(metrics, "major_faults"), nullptr);
  EXPECT_DOUBLE_EQ(FindMetric(metrics, "major_faults")->summary.median, 0);
}

TEST(Metrics, FaultsPerOperationComeFromTheLoopsTimedCounters) {
  JobShape shape;
  JobResult job = MakeJob(shape, {1000, 2000, 4000});
  EXPECT_EQ(FindMetric(ComputeMetrics(job), "minor_faults_per_op"), nullptr);  // Not reported.
  job.spec.ops_per_iteration = 2;
  std::int64_t faults = 600;
  for (auto& p : job.processes) {
    p.iterations = 10;
    p.samples_ns = {1, 1, 1};  // 3 samples of 10 iterations of 2 operations: 60 operations.
    p.counters["timed_minor_faults"] = faults;
    p.counters["timed_major_faults"] = 0;
    faults *= 2;
  }
  std::vector<Metric> metrics = ComputeMetrics(job);
  const Metric* minor = FindMetric(metrics, "minor_faults_per_op");
  ASSERT_NE(minor, nullptr);
  EXPECT_EQ(minor->values, (std::vector<double>{10, 20, 40}));
  ASSERT_NE(FindMetric(metrics, "major_faults_per_op"), nullptr);
  EXPECT_DOUBLE_EQ(FindMetric(metrics, "major_faults_per_op")->summary.median, 0);
  // One process without the counter (an older workload): no metric rather than a partial one.
  job.processes[1].counters.erase("timed_minor_faults");
  EXPECT_EQ(FindMetric(ComputeMetrics(job), "minor_faults_per_op"), nullptr);
}

TEST(Metrics, BuiltinMetricsComeFromTheRecordsInReportOrder) {
  JobShape shape;
  shape.bytes_per_op = 1e6;
  JobResult job = MakeJob(shape, {1000, 2000, 4000});
  std::vector<Metric> metrics = ComputeMetrics(job);
  std::vector<std::string> names;
  for (const auto& m : metrics) names.push_back(m.spec.name);
  EXPECT_EQ(names, (std::vector<std::string>{"time_ns", "cpu_ns", "peak_rss_kb", "baseline_rss_kb",
                                             "rss_increase_kb", "throughput_mb_s"}));
  const Metric* time = FindMetric(metrics, "time_ns");
  ASSERT_NE(time, nullptr);
  EXPECT_EQ(time->values, (std::vector<double>{1000, 2000, 4000}));
  EXPECT_DOUBLE_EQ(time->summary.median, 2000);
  const Metric* throughput = FindMetric(metrics, "throughput_mb_s");
  ASSERT_NE(throughput, nullptr);
  EXPECT_EQ(throughput->spec.better, Better::kHigher);
  // 1e6 bytes in 2000 ns = 500 GB/s = 500,000 MB/s.
  EXPECT_DOUBLE_EQ(throughput->values[1], 500000);
}

TEST(Metrics, ACounterIsAMetricOnlyWhenDeclaredAndReportedByEveryVerifiedProcess) {
  JobResult plain = MakeJob(JobShape{}, Times(1e6, 5));
  for (auto& p : plain.processes) p.counters["requests_per_s"] = 10;
  EXPECT_EQ(FindMetric(ComputeMetrics(plain), "requests_per_s"), nullptr);  // Not declared.
  JobResult declared = WithCounter(MakeJob(JobShape{}, Times(1e6, 5)), 1000);
  const std::vector<Metric> metrics = ComputeMetrics(declared);
  const Metric* rps = FindMetric(metrics, "requests_per_s");
  ASSERT_NE(rps, nullptr);
  EXPECT_EQ(rps->values.size(), 5u);
  EXPECT_EQ(rps->spec.unit, "req/s");
  declared.processes[2].counters.erase("requests_per_s");
  EXPECT_EQ(FindMetric(ComputeMetrics(declared), "requests_per_s"), nullptr);
  JobResult failed = WithCounter(MakeJob(JobShape{}, Times(1e6, 5)), 1000);
  failed.status = "failed";
  EXPECT_TRUE(ComputeMetrics(failed).empty());
}

TEST(Metrics, SchemaTwoFilesKeepTheirMetricsWithoutTheSuite) {
  RunResult run = MakeRun({WithCounter(MakeJob(JobShape{}, Times(1e6, 5)), 1000)});
  nlohmann::json doc = RunResultToJson(run);
  EXPECT_EQ(doc["results"][0]["metrics"]["requests_per_s"]["better"], "higher");
  EXPECT_EQ(doc["results"][0]["metrics"]["requests_per_s"]["counter"], "requests_per_s");
  RunResult loaded = RunResultFromJson(doc, "mem");
  EXPECT_TRUE(loaded.jobs[0].spec.counter_metrics.empty());  // The reader needs no declaration.
  std::vector<Metric> metrics = MetricsOf(loaded.jobs[0]);
  const Metric* rps = FindMetric(metrics, "requests_per_s");
  ASSERT_NE(rps, nullptr);
  EXPECT_EQ(rps->spec.better, Better::kHigher);
  EXPECT_DOUBLE_EQ(rps->spec.noise_threshold, 0.05);
  EXPECT_EQ(rps->values, std::vector<double>(5, 1000));
  EXPECT_EQ(RunResultToJson(loaded), doc);  // Saving again changes nothing.
}

TEST(Metrics, ShowListsDeclaredMetrics) {
  RunResult run = MakeRun({WithCounter(MakeJob(JobShape{}, Times(1e6, 5)), 1000)});
  ShowOptions wide;
  wide.wide = true;
  std::string shown = RenderRun(run, "f", wide);
  // A table: a column per declared metric, a row per implementation. Five processes: the
  // intervals cover 93.75%.
  EXPECT_NE(shown.find("more metrics: median [93.7% CI] per implementation"), std::string::npos)
      << shown;
  EXPECT_NE(shown.find("requests_per_s (higher better)"), std::string::npos) << shown;
  std::size_t row = shown.find("  rust-serde ", shown.find("more metrics"));
  ASSERT_NE(row, std::string::npos) << shown;
  EXPECT_NE(shown.substr(row, shown.find('\n', row) - row)
                .find(" 1.00k req/s [1.00k req/s, 1.00k req/s]"),
            std::string::npos)
      << shown;
  // By default the median alone, the direction as an arrow.
  shown = RenderRun(run, "f");
  EXPECT_NE(shown.find("requests_per_s ↑"), std::string::npos) << shown;
  row = shown.find("  rust-serde ", shown.find("more metrics"));
  ASSERT_NE(row, std::string::npos) << shown;
  const std::string line = shown.substr(row, shown.find('\n', row) - row);
  EXPECT_TRUE(line.ends_with(" 1.00k req/s")) << line;
}

TEST(Metrics, ExportersCarryDeclaredMetrics) {
  RunResult run = MakeRun({WithCounter(MakeJob(JobShape{}, Times(1e6, 5)), 1000)});
  std::string benchstat = ExportBenchstat(run);
  EXPECT_NE(benchstat.find("Unit req/s better=higher"), std::string::npos) << benchstat;
  EXPECT_NE(benchstat.find("\t1000 req/s\n"), std::string::npos) << benchstat;
  nlohmann::json gbench = nlohmann::json::parse(ExportGbench(run));
  EXPECT_EQ(gbench["benchmarks"][0]["requests_per_s"], 1000);
  nlohmann::json bmf = nlohmann::json::parse(ExportBmf(run));
  ASSERT_EQ(bmf.size(), 1u);
  EXPECT_EQ(bmf.begin().value()["requests-per-s"]["value"], 1000);
}

TEST(Metrics, AHigherIsBetterMetricThatDropsIsARegression) {
  RunResult base = MakeRun({WithCounter(MakeJob(JobShape{}, Times(1e6, 10)), 1000)});
  RunResult cand = MakeRun({WithCounter(MakeJob(JobShape{}, Times(1e6, 10)), 800)});
  // Spread the counter a little so the test has ranks to work with.
  for (RunResult* r : {&base, &cand}) {
    for (std::size_t i = 0; i < r->jobs[0].processes.size(); ++i) {
      auto& c = r->jobs[0].processes[i].counters["requests_per_s"];
      c = c.get<double>() + static_cast<double>(i);
    }
  }
  Comparison c = CompareRuns(base, cand);
  const CompareRow* row = nullptr;
  for (const auto& r : c.rows) {
    if (r.metric.label == "requests_per_s") row = &r;
  }
  ASSERT_NE(row, nullptr);
  EXPECT_LT(row->ratio.estimate, 0.85);
  EXPECT_EQ(row->verdict, Verdict::kRegression);
  EXPECT_TRUE(HasRegression(c));
  EXPECT_EQ(CompareRuns(cand, base).rows.back().verdict, Verdict::kImprovement);
  std::string table = RenderCompareTable({c, {}, "a", "b"}, false);
  EXPECT_NE(table.find("requests per second (higher is better)"), std::string::npos) << table;
  EXPECT_NE(table.find("requests_per_s ±5.0%"), std::string::npos) << table;
}

// Schema-1 files written by benchctl before metrics existed (tests/data/schema1/): a json
// run with instruction counts and a startup run (process mode).
std::filesystem::path SchemaOneFile(const std::string& name) {
  return std::filesystem::path(BENCHCTL_TEST_DATA) / "schema1" / name;
}

TEST(Metrics, StartupSchemaOneFileConvertsAndShowsTheSame) {
  RunResult v1 = LoadRunResult(SchemaOneFile("startup-quick.json"));
  ASSERT_EQ(v1.jobs.size(), 4u);
  RunResult v2 = RunResultFromJson(RunResultToJson(v1), "converted");
  EXPECT_EQ(RenderRun(v1, "f"), RenderRun(v2, "f"));
  EXPECT_NE(FindMetric(MetricsOf(v2.jobs[0]), "cpu_ns"), nullptr);
}

TEST(Metrics, SchemaOneFilesConvertOnReadAndShowTheSame) {
  RunResult v1 = LoadRunResult(SchemaOneFile("json-quick.json"));
  ASSERT_FALSE(v1.jobs.empty());
  for (const auto& job : v1.jobs) {
    std::vector<Metric> metrics = MetricsOf(job);
    ASSERT_NE(FindMetric(metrics, "time_ns"), nullptr) << job.spec.id;
    ASSERT_NE(FindMetric(metrics, "instructions_per_op"), nullptr) << job.spec.id;
    ASSERT_NE(FindMetric(metrics, "throughput_mb_s"), nullptr) << job.spec.id;
  }
  nlohmann::json converted = RunResultToJson(v1);
  EXPECT_EQ(converted["schema_version"], 2);
  RunResult v2 = RunResultFromJson(converted, "converted");
  for (std::size_t i = 0; i < v1.jobs.size(); ++i) {
    std::vector<Metric> a = MetricsOf(v1.jobs[i]), b = MetricsOf(v2.jobs[i]);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
      EXPECT_EQ(a[k].spec.name, b[k].spec.name);
      EXPECT_EQ(a[k].values, b[k].values);
    }
  }
  EXPECT_EQ(RenderRun(v1, "f"), RenderRun(v2, "f"));
  // And a stored v1 baseline compares against a v2 run.
  Comparison c = CompareRuns(v1, v2);
  EXPECT_FALSE(c.rows.empty());
  EXPECT_FALSE(HasRegression(c));
}

TEST(Metrics, HostileMetricBlocksAreRefusedWithTheKeyNamed) {
  RunResult run = MakeRun({MakeJob(JobShape{}, Times(1e6, 5))});
  auto refused = [&](const std::string& pointer, const nlohmann::json& value) {
    nlohmann::json doc = RunResultToJson(run);
    doc[nlohmann::json::json_pointer(pointer)] = value;
    try {
      RunResultFromJson(doc, "bad.json");
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(
      refused("/results/0/metrics/time_ns/better", "sideways")
          .find("`results[0].metrics.time_ns.better` is \"sideways\" (allowed: lower, higher)"),
      std::string::npos);
  EXPECT_NE(refused("/results/0/metrics/time_ns/values", nlohmann::json::array())
                .find("`results[0].metrics.time_ns.values` is empty"),
            std::string::npos);
  EXPECT_NE(refused("/results/0/metrics/x", 3).find("`results[0].metrics.x` is not a JSON object"),
            std::string::npos);
  EXPECT_NE(refused("/results/0/metrics", "x").find("`results[0].metrics` has type string"),
            std::string::npos);
}

}  // namespace
}  // namespace benchctl
