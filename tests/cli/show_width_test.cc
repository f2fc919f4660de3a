// `benchctl show` fits 100 columns by default on result files shaped like real runs (the json
// suite's 72 jobs, http's floor row, load-bound levels and latency metrics, a quick run with
// few processes), and --wide keeps every column.
#include <gtest/gtest.h>

#include <sstream>

#include "metric.h"
#include "run_fixtures.h"
#include "show.h"
#include "show_summary.h"
#include "text_width.h"

namespace benchctl {
namespace {

using testing::JobShape;
using testing::MakeJob;
using testing::MakeRun;
using testing::Times;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void ExpectFits(const std::string& shown, std::size_t width) {
  for (const std::string& line : Lines(shown)) {
    EXPECT_LE(DisplayWidth(line), width) << line;
  }
}

JobResult WithFaults(JobResult job) {
  long minor = 1240;
  for (auto& p : job.processes) {
    p.minor_faults = minor++;
    p.major_faults = 0;
  }
  return job;
}

// The json suite as it ran: 12 implementations of four languages × 3 operations × 2 inputs,
// a MB/s column, page faults, 10 processes a job.
RunResult JsonSuiteRun() {
  const std::vector<std::pair<std::string, std::string>> impls = {
      {"cpp-simdjson", "cpp"}, {"cpp-rapidjson", "cpp"},   {"cpp-nlohmann", "cpp"},
      {"rust-serde", "rust"},  {"rust-simd-json", "rust"}, {"rust-simd", "rust"},
      {"go-stdlib", "go"},     {"go-sonic", "go"},         {"go-sonic-ast", "go"},
      {"go-jsonv2", "go"},     {"go-gojson", "go"},        {"zig-std", "zig"}};
  std::vector<JobResult> jobs;
  double scale = 1;
  for (const char* op : {"parse-dom", "parse-typed", "serialize"}) {
    for (const char* input : {"twitter-1MB", "citm-1MB"}) {
      for (const auto& [impl, lang] : impls) {
        JobShape s;
        s.operation = op;
        s.input = input;
        s.impl = impl;
        s.language = lang;
        s.bytes_per_op = 1001471;
        s.peak_rss_kb = 75000;  // Go's sonic-ast: 73 MiB.
        scale *= 1.13;
        jobs.push_back(WithFaults(MakeJob(s, Times(912600 * scale, 10))));
      }
    }
  }
  RunResult run = MakeRun(std::move(jobs));
  run.environment.estimated_cpu_hz = 3.69e9;
  run.toolchains["cpp"] = {{"version", "g++ (Debian 12.2.0-14+deb12u1) 12.2.0"}};
  run.environment.noise_warnings.resize(1);
  run.environment.noise_warnings[0].condition =
      "hardware performance counters are unusable: perf_event_open(PERF_COUNT_HW_INSTRUCTIONS) "
      "failed: No such file or directory: no hardware PMU is exposed to this kernel (usual in "
      "a VM)";
  return run;
}

// http's shape: whole-process servers, a floor row, load-bound rows, latency percentiles and
// server metrics, three connection levels, 3 processes a job.
RunResult HttpSuiteRun() {
  std::vector<JobResult> jobs;
  for (const char* level : {"16", "64", "256"}) {
    for (const auto& [impl, lang] :
         std::vector<std::pair<std::string, std::string>>{{"rust-may-minihttp", "rust"},
                                                          {"go-fasthttp", "go"},
                                                          {"c-floor", "c"},
                                                          {"cpp-epoll", "cpp"},
                                                          {"zig-epoll", "zig"}}) {
      JobShape s;
      s.suite = "http";
      s.operation = "plaintext";
      s.input = "";
      s.impl = impl;
      s.language = lang;
      s.mode = "process";
      JobResult job = MakeJob(s, Times(8048, 3));
      job.spec.items_per_op = 1;
      job.spec.op_unit = "request";
      job.spec.params = {{"connections", level}};
      job.spec.reference = impl == "c-floor";
      job.spec.artifact = {{"size_bytes", 629000}, {"stripped_size_bytes", 497000}};
      std::vector<MetricSpec> metrics;
      for (const char* name :
           {"latency_p50_ns", "latency_p90_ns", "latency_p99_ns", "latency_p999_ns",
            "server_cpu_per_request_ns", "server_rss_load_kb", "server_rss_idle_kb"}) {
        metrics.push_back(CounterMetric(name, "ns", Better::kLower, 0.05, true, name));
        for (auto& p : job.processes) p.counters[name] = 1.068e6;
      }
      job.spec.counter_metrics = metrics;
      if (impl == "rust-may-minihttp" || impl == "c-floor") {
        for (auto& p : job.processes) p.counters["load_generator_bound"] = 1;
      }
      jobs.push_back(std::move(job));
    }
  }
  RunResult run = MakeRun(std::move(jobs));
  run.config.suite = "http";
  run.config.processes = 3;
  run.config.quick = true;
  return run;
}

TEST(ShowWidthTest, The72JobJsonRunFits100Columns) {
  RunResult run = JsonSuiteRun();
  ASSERT_EQ(run.jobs.size(), 72u);
  const std::string shown = RenderRun(run, "results/20260102T030405Z-json-testhost.json");
  ExpectFits(shown, 100);
  // What the default keeps for json: time with interval, MB/s, cycles/B, the ratio with its
  // interval, the RSS increase, n; the language summary by language.
  EXPECT_NE(shown.find("time per op [95% CI]"), std::string::npos) << shown;
  EXPECT_NE(shown.find("MB/s"), std::string::npos) << shown;
  EXPECT_NE(shown.find("c/B"), std::string::npos) << shown;
  EXPECT_NE(shown.find("vs fastest [95% CI]"), std::string::npos) << shown;
  EXPECT_NE(shown.find("+RSS"), std::string::npos) << shown;
  EXPECT_EQ(shown.find("peak RSS"), std::string::npos) << shown;  // --wide only.
  EXPECT_NE(shown.find("minor_faults ↓"), std::string::npos) << shown;
  EXPECT_NE(shown.find("Each language's fastest ÷ the fastest"), std::string::npos) << shown;
  EXPECT_NE(shown.find("  group "), std::string::npos) << shown;
  // The warning wraps rather than running past the width.
  EXPECT_NE(shown.find("no hardware PMU"), std::string::npos) << shown;
}

TEST(ShowWidthTest, WideKeepsEveryColumnAndFullNames) {
  RunResult run = JsonSuiteRun();
  ShowOptions wide;
  wide.wide = true;
  const std::string shown = RenderRun(run, "r.json", wide);
  std::size_t widest = 0;
  for (const auto& line : Lines(shown)) widest = std::max(widest, DisplayWidth(line));
  EXPECT_GT(widest, 100u);
  EXPECT_NE(shown.find("time per op: median [95% CI]"), std::string::npos) << shown;
  EXPECT_NE(shown.find("MB/s [95% CI] cycles/B"), std::string::npos) << shown;
  EXPECT_NE(shown.find("peak RSS"), std::string::npos) << shown;
  EXPECT_NE(shown.find("+RSS"), std::string::npos) << shown;
  EXPECT_NE(shown.find("1.00× (fastest)"), std::string::npos) << shown;
  EXPECT_NE(shown.find("minor_faults (lower better)"), std::string::npos) << shown;
  EXPECT_NE(shown.find("rust-serde/cpp-simdjson"), std::string::npos) << shown;  // Names kept.
}

TEST(ShowWidthTest, AnHttpQuickRunFitsAndSaysItIsNotForCiting) {
  RunResult run = HttpSuiteRun();
  const std::string shown = RenderRun(run, "r.json");
  ExpectFits(shown, 100);
  EXPECT_NE(shown.find("quick: not for citing (--quick"), std::string::npos) << shown;
  // Near each table: once in each group's title line and once under it.
  std::size_t titles = 0;
  for (const auto& line : Lines(shown)) {
    if (line.starts_with("http · plaintext") &&
        line.find("[quick: not for citing]") != std::string::npos) {
      ++titles;
    }
  }
  EXPECT_EQ(titles, 3u) << shown;
  // Three processes: a 75% interval, labelled as such; ratios of 3 against 3 cover 90%.
  EXPECT_NE(shown.find("time per request [75% CI]"), std::string::npos) << shown;
  // The level is not ranked (load-bound rows), so no ratio interval is labelled 95%.
  EXPECT_NE(shown.find("vs fastest  "), std::string::npos) << shown;
  EXPECT_EQ(shown.find("time per request [95% CI]"), std::string::npos) << shown;
  EXPECT_NE(shown.find("[ref] reference row"), std::string::npos) << shown;
  EXPECT_NE(shown.find("[lb] load-bound"), std::string::npos) << shown;
  EXPECT_NE(shown.find("c-floor [ref] [lb]"), std::string::npos) << shown;
  // The names stay whole; the ratio to the floor is what went, and the table says so.
  EXPECT_NE(shown.find("rust-may-minihttp [lb]"), std::string::npos) << shown;
  EXPECT_NE(shown.find("left out to fit 100 columns (--wide shows them): vs c-floor"),
            std::string::npos)
      << shown;
}

TEST(ShowWidthTest, ALongNameEndsInAnEllipsisAndWideKeepsIt) {
  RunResult run = JsonSuiteRun();
  const std::string name = "rust-" + std::string(60, 'x') + "-json";
  run.jobs[0].spec.impl = name;
  const std::string shown = RenderRun(run, "r.json");
  ExpectFits(shown, 100);
  EXPECT_EQ(shown.find(name), std::string::npos);
  EXPECT_NE(shown.find("rust-xxxx"), std::string::npos);
  EXPECT_NE(shown.find("…"), std::string::npos);
  ShowOptions wide;
  wide.wide = true;
  EXPECT_NE(RenderRun(run, "r.json", wide).find(name), std::string::npos);
}

}  // namespace
}  // namespace benchctl
