// harness/export_*.cc: byte-for-byte golden files for a fixed run (tests/data/golden/; set
// BENCHCTL_UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff),
// and structural checks against each format's published description.
#include "exporters.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <set>
#include <sstream>

#include "raw_control.h"
#include "run_fixtures.h"
#include "test_support.h"

namespace benchctl {
namespace {

using nlohmann::json;
using testing::JobShape;

// One in-process job with input, throughput and baseline RSS; one process-mode job of an A/B
// run; one failed job whose failure text needs CSV quoting; one that did not finish.
RunResult GoldenRun() {
  JobShape json_job;
  json_job.bytes_per_op = 1048576;
  JobShape startup;
  startup.suite = "startup";
  startup.operation = "startup";
  startup.impl = "cpp-std";
  startup.language = "cpp";
  startup.input = "";
  startup.mode = "process";
  startup.build_label = "candidate";
  startup.peak_rss_kb = 1200;
  JobShape failed = json_job;
  failed.impl = "go-std";
  failed.language = "go";
  JobShape unfinished = json_job;
  unfinished.impl = "zig-std";
  unfinished.language = "zig";
  JobResult incomplete = testing::MakeJob(unfinished, {1500000});
  incomplete.status = "incomplete";
  return testing::MakeRun(
      {testing::MakeJob(json_job, {2000000, 2100000, 1900000}),
       testing::MakeJob(startup, {750000, 800000}),
       testing::MakeFailedJob(failed, "verification mismatch: got \"1\", expected \"2\""),
       std::move(incomplete)});
}

std::string GoldenName(std::string_view exporter) {
  if (exporter == "benchstat") return "run.benchstat.txt";
  if (exporter == "csv") return "run.csv";
  return "run." + std::string(exporter) + ".json";
}

TEST(ExportersTest, MatchGoldenFiles) {
  RunResult run = GoldenRun();
  bool update = std::getenv("BENCHCTL_UPDATE_GOLDEN") != nullptr;
  for (const Exporter& e : Exporters()) {
    std::filesystem::path path = testing::DataDir() / "golden" / GoldenName(e.name);
    std::string out = e.function(run);
    if (update) testing::WriteText(path, out);
    EXPECT_EQ(out, testing::ReadText(path)) << e.name << " differs from " << path;
    EXPECT_EQ(out, e.function(run)) << e.name << " is not deterministic";
  }
}

TEST(ExportersTest, TableLookup) {
  EXPECT_EQ(FindExporter("gbench")->function, &ExportGbench);
  EXPECT_EQ(FindExporter("nope"), nullptr);
  EXPECT_EQ(ExporterNames(), (std::vector<std::string>{"gbench", "benchstat", "bmf", "csv"}));
}

// google/benchmark tools/gbench/report.py compares entries that have name, real_time,
// cpu_time and time_unit; it groups repetitions by name and reads run_type/aggregate_name.
TEST(ExportersTest, GbenchHasWhatCompareDotPyReads) {
  json doc = json::parse(ExportGbench(GoldenRun()));
  for (const char* key : {"date", "host_name", "executable", "num_cpus", "mhz_per_cpu",
                          "cpu_scaling_enabled", "caches", "load_avg", "library_build_type"}) {
    EXPECT_TRUE(doc["context"].contains(key)) << key;
  }
  std::map<std::string, int> repetitions;
  std::set<std::string> aggregates;
  for (const auto& b : doc["benchmarks"]) {
    for (const char* key :
         {"name", "run_name", "run_type", "family_index", "per_family_instance_index",
          "repetitions", "threads", "iterations", "real_time", "cpu_time", "time_unit"}) {
      EXPECT_TRUE(b.contains(key)) << key << " missing in " << b.dump();
    }
    EXPECT_EQ(b["time_unit"], "ns");
    if (b["run_type"] == "iteration" && !b.contains("error_occurred")) {
      EXPECT_EQ(b["repetition_index"], repetitions[b["name"]]++);
      EXPECT_EQ(b["name"], b["run_name"]);
      EXPECT_GT(b["real_time"].get<double>(), 0);
    } else if (b["run_type"] == "aggregate") {
      std::string agg = b["aggregate_name"];
      EXPECT_TRUE(agg == "mean" || agg == "median" || agg == "stddev") << agg;
      EXPECT_EQ(b["name"], b["run_name"].get<std::string>() + "_" + agg);
      aggregates.insert(b["name"]);
    } else {
      EXPECT_EQ(b["error_occurred"], true);
      EXPECT_FALSE(b["error_message"].get<std::string>().empty());
    }
  }
  EXPECT_EQ(repetitions["json/parse-dom/rust-serde/twitter-1MB"], 3);
  EXPECT_EQ(repetitions["startup/startup/cpp-std@candidate"], 2);
  EXPECT_TRUE(aggregates.contains("json/parse-dom/rust-serde/twitter-1MB_median"));
}

// golang.org/design/14313-benchmark-format: every line is a configuration line, a result
// line, a unit metadata line (benchfmt), or ignored (blank, '#').
TEST(ExportersTest, BenchstatLinesFollowTheFormat) {
  std::istringstream in(ExportBenchstat(GoldenRun()));
  std::string line;
  std::set<std::string> names;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::vector<std::string> f;
    for (std::string s; fields >> s;) f.push_back(s);
    if (f[0] == "Unit") {
      ASSERT_GE(f.size(), 3u) << line;
      EXPECT_NE(f[2].find('='), std::string::npos) << line;
      continue;
    }
    if (!f[0].starts_with("Benchmark")) {
      // Configuration: a key without spaces or upper case, a colon, a space, a value.
      std::size_t colon = line.find(':');
      ASSERT_NE(colon, std::string::npos) << line;
      EXPECT_TRUE(std::islower(static_cast<unsigned char>(line[0]))) << line;
      for (char ch : line.substr(0, colon)) EXPECT_FALSE(std::isupper(ch) || ch == ' ') << line;
      EXPECT_EQ(line[colon + 1], ' ') << line;
      continue;
    }
    ASSERT_GE(f.size(), 4u) << line;
    EXPECT_EQ(f.size() % 2, 0u) << line;
    names.insert(f[0]);
    EXPECT_TRUE(std::all_of(f[1].begin(), f[1].end(), ::isdigit)) << line;
    for (std::size_t i = 2; i < f.size(); i += 2) {
      char* end = nullptr;
      std::strtod(f[i].c_str(), &end);
      EXPECT_EQ(*end, '\0') << "value " << f[i] << " in " << line;
    }
    EXPECT_EQ(f[3], "ns/op");
    // Sub-benchmark parts are /key=value; the name ends in -GOMAXPROCS.
    std::string name = f[0].substr(0, f[0].rfind('-'));
    for (std::size_t slash = name.find('/'); slash != std::string::npos;
         slash = name.find('/', slash + 1)) {
      std::size_t next = name.find('/', slash + 1);
      EXPECT_NE(name.substr(slash, next - slash).find('='), std::string::npos) << line;
    }
  }
  EXPECT_EQ(names,
            (std::set<std::string>{"BenchmarkJson/op=parse-dom/impl=rust-serde/input=twitter-1MB-1",
                                   "BenchmarkJson/op=parse-dom/impl=zig-std/input=twitter-1MB-1",
                                   "BenchmarkStartup/op=startup/impl=cpp-std/label=candidate-1"}));
}

// bencher.dev/docs/reference/bencher-metric-format: benchmark name → measure → {value,
// lower_value?, upper_value?}; names up to 1024 characters, measure slugs up to 64.
TEST(ExportersTest, BmfValuesLieWithinTheirBounds) {
  json doc = json::parse(ExportBmf(GoldenRun()));
  ASSERT_TRUE(doc.is_object());
  EXPECT_EQ(doc.size(), 3u);  // The failed job has no result to report.
  for (const auto& [name, measures] : doc.items()) {
    EXPECT_LE(name.size(), 1024u);
    EXPECT_TRUE(measures.contains("latency") && measures.contains("peak-rss")) << name;
    for (const auto& [slug, m] : measures.items()) {
      EXPECT_LE(slug.size(), 64u);
      ASSERT_TRUE(m["value"].is_number()) << name << " " << slug;
      EXPECT_LE(m["lower_value"].get<double>(), m["value"].get<double>()) << name << " " << slug;
      EXPECT_LE(m["value"].get<double>(), m["upper_value"].get<double>()) << name << " " << slug;
    }
  }
}

TEST(ExportersTest, BmfCarriesInstructionCountsWhenCounted) {
  RunResult run = GoldenRun();
  for (double per_op : {3.0e6, 3.2e6, 3.1e6}) {
    InstructionRecord c;
    c.ok = true;
    c.per_op = per_op;
    run.jobs[0].instructions.push_back(c);
  }
  json doc = json::parse(ExportBmf(run));
  const json& m = doc[ExportName(run.jobs[0].spec)]["instructions"];
  EXPECT_DOUBLE_EQ(m["value"].get<double>(), 3.1e6);
  EXPECT_DOUBLE_EQ(m["lower_value"].get<double>(), 3.0e6);  // Under 6 values: [min, max].
  EXPECT_DOUBLE_EQ(m["upper_value"].get<double>(), 3.2e6);
  ASSERT_TRUE(doc.contains(ExportName(run.jobs[1].spec)));  // Exported, but not counted.
  EXPECT_FALSE(doc[ExportName(run.jobs[1].spec)].contains("instructions"));
}

TEST(ExportersTest, CsvHasOneRowPerSampleAndQuotes) {
  std::string csv = ExportCsv(GoldenRun());
  std::size_t rows = static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n'));
  // Header, then samples: 3 processes × 3, 2 process-mode × 1, failed 2 × 3, unfinished 1 × 3.
  EXPECT_EQ(rows, 1u + 9 + 2 + 6 + 3);
  std::istringstream in(csv);
  for (std::string line; std::getline(in, line);) {
    EXPECT_EQ(std::count(line.begin(), line.end(), ','), 15) << line;
  }
  JobShape odd;
  odd.input = "a,\"b\"";
  std::string quoted = ExportCsv(testing::MakeRun({testing::MakeJob(odd, {1000})}));
  EXPECT_NE(quoted.find(",\"a,\"\"b\"\"\","), std::string::npos) << quoted;
}

// Names and values from a result file are data in every format: no raw control character
// reaches the output (exports go to stdout by default), and JSON formats keep the exact name.
TEST(ExportersTest, NamesWithControlCharactersAreEscapedInEveryFormat) {
  JobShape evil;
  evil.impl = "evil\x1b]0;pwned\x07";
  evil.input = "in\xc2\x9b\x7f";
  JobShape failed = evil;
  failed.language = "go";
  RunResult run = testing::MakeRun({testing::MakeJob(evil, {1000, 1100}),
                                    testing::MakeFailedJob(failed, "bad\x1b[2J\nline two")});
  run.jobs[1].spec.impl = "other\xe2\x80\xae";
  run.environment.system.cpu_model = "cpu\x1b[2J";
  run.toolchains["rust"]["version"] = "rustc\x1b]0;t\x07";
  for (const Exporter& e : Exporters()) {
    std::string out = e.function(run);
    EXPECT_FALSE(testing::HasRawControl(out)) << e.name << ":\n" << out;
    EXPECT_EQ(out.find("\xe2\x80\xae"), std::string::npos) << e.name;  // No raw bidi override.
  }
  json gbench = json::parse(ExportGbench(run));
  EXPECT_EQ(gbench["benchmarks"][0]["name"], ExportName(run.jobs[0].spec));
  EXPECT_EQ(gbench["benchmarks"].back()["error_message"], "bad\x1b[2J\nline two");
  EXPECT_TRUE(json::parse(ExportBmf(run)).contains(ExportName(run.jobs[0].spec)));
  std::string csv = ExportCsv(run);
  EXPECT_NE(csv.find(",evil\\x1b]0;pwned\\x07,rust,in\\u009b\\x7f,"), std::string::npos) << csv;
  std::string benchstat = ExportBenchstat(run);
  EXPECT_NE(benchstat.find("cpu: cpu\\x1b[2J\n"), std::string::npos) << benchstat;
  EXPECT_NE(benchstat.find("# toolchain rust: rustc\\x1b]0;t\\x07\n"), std::string::npos);
  EXPECT_NE(benchstat.find("/impl=evil_]0;pwned_/input=in___-1\t"), std::string::npos);
  EXPECT_NE(benchstat.find("failed: bad\\x1b[2J line two\n"), std::string::npos) << benchstat;
}

// A spreadsheet runs a cell that starts with = + - or @ as a formula.
TEST(ExportersTest, CsvDefusesFormulasInNames) {
  JobShape shape;
  shape.input = "=HYPERLINK(\"http://x\",\"y\")";
  std::string csv = ExportCsv(testing::MakeRun({testing::MakeJob(shape, {1000})}));
  EXPECT_NE(csv.find(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","), std::string::npos) << csv;
}

}  // namespace
}  // namespace benchctl
