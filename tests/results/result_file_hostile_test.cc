// Hostile result files (issue 8): deep nesting, numbers out of range, wrong types, a run killed
// before it could say why. The loader refuses what is broken with an Error naming the file and
// the key; what it accepts must render in show, compare and every export without throwing.
// The CLI tests run the built benchctl: exit 2 with the file named, never a crash.
#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "compare.h"
#include "compare_render.h"
#include "error.h"
#include "exporters.h"
#include "job_summary.h"
#include "raw_control.h"
#include "result_file.h"
#include "run_fixtures.h"
#include "show.h"
#include "test_support.h"

namespace benchctl {
namespace {

using nlohmann::json;
using testing::ExpectMentions;
using testing::TempDir;

constexpr int kUsage = 2;

// A valid file's JSON: two verified processes, one instruction count.
json ValidDoc() {
  JobResult job = testing::MakeJob({}, {1000, 1100});
  InstructionRecord count;
  count.ok = true;
  count.per_op = 5000;
  job.instructions = {count};
  return RunResultToJson(testing::MakeRun({job}));
}

// The message of loading `text` from a file named bad.json in `tmp`, or "" if it loaded.
std::string LoadError(const TempDir& tmp, const std::string& text) {
  testing::WriteText(tmp / "bad.json", text);
  try {
    LoadRunResult(tmp / "bad.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

// `depth` nested arrays: "[[...]]".
std::string Nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// ValidDoc with counters {"x": <nested>} in its first process; counters sit at depth 6.
std::string WithDeepCounters(const std::string& nested) {
  json doc = ValidDoc();
  doc["results"][0]["processes"][0]["counters"] = {{"x", "PLACEHOLDER"}};
  std::string text = doc.dump();
  return text.replace(text.find("\"PLACEHOLDER\""), 13, nested);
}

TEST(HostileResultFileTest, DeepNestingIsRefusedNamingTheFileAndTheByte) {
  TempDir tmp;
  std::string message = LoadError(tmp, WithDeepCounters(Nested(1000000)));
  ExpectMentions(message, {(tmp / "bad.json").string(), "nest deeper than 64 levels", "at byte"});
  // The limit is on the whole document: 6 levels down to counters, then 58 more is 64.
  EXPECT_EQ(LoadError(tmp, WithDeepCounters(Nested(58))), "");
  EXPECT_NE(LoadError(tmp, WithDeepCounters(Nested(59))), "");
  // Brackets inside strings are text, not nesting.
  EXPECT_EQ(LoadError(tmp, WithDeepCounters("\"" + std::string(1000, '[') + "\"")), "");
}

TEST(HostileResultFileTest, DeepDocumentBuiltInMemoryIsRefusedToo) {
  json doc = ValidDoc();
  doc["results"][0]["processes"][0]["verification"] = json::parse(Nested(100000));
  try {
    RunResultFromJson(doc, "mem.json");
    FAIL() << "no error";
  } catch (const Error& e) {
    ExpectMentions(e.what(), {"mem.json", "nest deeper than 64 levels"});
  }
}

// One change to a valid document and the words its error must hold.
struct BadValue {
  std::string pointer;  // JSON pointer of the value to replace.
  json value;
  std::string words;
};

TEST(HostileResultFileTest, EveryNumberAndTypeTheLoaderKeepsIsChecked) {
  const std::string p = "/results/0/processes/0/";
  const std::vector<BadValue> cases = {
      {p + "median_ns", -150, "`results[0].processes[0].median_ns` is out of range: -150"},
      {p + "median_ns", 1e300, "`results[0].processes[0].median_ns` is out of range"},
      {p + "wall_seconds", -1, "`results[0].processes[0].wall_seconds` is out of range"},
      {p + "user_seconds", 1e300, "`results[0].processes[0].user_seconds` is out of range"},
      {p + "system_seconds", -0.5, "`results[0].processes[0].system_seconds` is out of range"},
      {p + "samples_ns", json::array({1, -2}),
       "`results[0].processes[0].samples_ns[1]` is out of range"},
      {p + "samples_ns", json::array({"x"}),
       "`results[0].processes[0].samples_ns[0]` has type string"},
      {p + "warmup_ns", json::array({-1}),
       "`results[0].processes[0].warmup_ns[0]` is out of range"},
      {p + "peak_rss_kb", -5, "`results[0].processes[0].peak_rss_kb` is out of range"},
      {p + "baseline_rss_kb", -1, "`results[0].processes[0].baseline_rss_kb` is out of range"},
      {p + "iterations", -1, "`results[0].processes[0].iterations` is out of range"},
      {p + "iterations", 1.5, "`results[0].processes[0].iterations` is not a whole number"},
      {p + "round", 9223372036854775808u, "`results[0].processes[0].round` is out of range"},
      {p + "round", 1e19, "`results[0].processes[0].round` is out of range"},
      {p + "position", -1, "`results[0].processes[0].position` is out of range"},
      {p + "failure", 5, "`results[0].processes[0].failure` has type number"},
      {p + "stderr_tail", json::array(), "`results[0].processes[0].stderr_tail` has type array"},
      {p + "counters", 5, "`results[0].processes[0].counters` has type number"},
      {"/results/0/bytes_per_op", -1, "`results[0].bytes_per_op` is out of range"},
      {"/results/0/build_label", 5, "`results[0].build_label` has type number"},
      {"/results/0/argv", json::array({1}), "`results[0].argv[0]` has type number"},
      {"/results/0/env", json::object({{"A", 1}}), "`results[0].env.A` has type number"},
      {"/results/0/artifact", "x", "`results[0].artifact` has type string"},
      {"/results/0/input", "x", "`results[0].input` has type string"},
      {"/results/0/input/seed", -1, "`results[0].input.seed` is out of range"},
      {"/results/0/input/bytes", "x", "`results[0].input.bytes` has type string"},
      {"/results/0/verify", 3, "`results[0].verify` has type number"},
      {"/results/0/status", "OK",
       "`results[0].status` is \"OK\" (allowed: ok, failed, incomplete)"},
      {"/results/0/instructions/0/extra_iterations", -1,
       "`results[0].instructions[0].extra_iterations` is out of range"},
      {"/results/0/instructions/0/short_total", -1,
       "`results[0].instructions[0].short_total` is out of range"},
      {"/results/0/processes/0", json::array(), "`results[0].processes[0]` is not a JSON object"},
      {"/results/0", 5, "`results[0]` is not a JSON object"},
      {"/stop_reason", 5, "`stop_reason` has type number"},
      {"/started_utc", false, "`started_utc` has type boolean"},
      {"/schema_version", 4294967297u, "schema_version 4294967297 is not supported"},
      // The typed parts of environment and config (run_environment.h, run_config.h).
      {"/environment/system", 5, "`environment.system` has type number"},
      {"/environment/system/cpu_model", 7, "`environment.system.cpu_model` has type number"},
      {"/environment/system/logical_cpus", "2",
       "`environment.system.logical_cpus` has type string"},
      {"/environment/child_cpus", json::array({1, "a"}),
       "`environment.child_cpus[1]` has type string"},
      {"/environment/orchestrator_cpus", json::array({-1}),
       "`environment.orchestrator_cpus[0]` is out of range"},
      {"/environment/noise_warnings", json::array({1}),
       "`environment.noise_warnings[0]` has type number"},
      {"/environment/noise_warnings", json::array({{{"condition", 5}}}),
       "`environment.noise_warnings[0].condition` has type number"},
      {"/environment/estimated_cpu_hz", "fast", "`environment.estimated_cpu_hz` has type string"},
      {"/environment/memory_read_bandwidth_bytes_per_s", -1,
       "`environment.memory_read_bandwidth_bytes_per_s` is out of range"},
      {"/config/suite", 5, "`config.suite` has type number"},
      {"/config/seed", "x", "`config.seed` has type string"},
      {"/config/seed", -1, "`config.seed` is out of range"},
      {"/config/processes", 1e300, "`config.processes` is out of range"},
      {"/config/order", json::array({json::array({0}), 5}), "`config.order[1]` has type number"},
      {"/config/order", json::array({json::array({0.5})}),
       "`config.order[0][0]` is not a whole number"},
      {"/config/instructions", 5, "`config.instructions` has type number"},
      {"/config/instructions",
       {{"measurements", "x"}},
       "`config.instructions.measurements` has type string"},
      {"/config/languages", json::array({1}), "`config.languages[0]` has type number"},
  };
  TempDir tmp;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.pointer + " = " + c.value.dump());
    json doc = ValidDoc();
    doc[json::json_pointer(c.pointer)] = c.value;
    ExpectMentions(LoadError(tmp, doc.dump()), {(tmp / "bad.json").string(), c.words});
  }
}

TEST(HostileResultFileTest, NumberBeyondADoubleNamesTheFile) {
  TempDir tmp;
  std::string text = ValidDoc().dump();
  text.replace(text.find("\"median_ns\":1000.0"), 18, "\"median_ns\":1e400");
  ExpectMentions(LoadError(tmp, text), {(tmp / "bad.json").string(), "a number is too large"});
}

// Everything that reads a loaded run: none may throw on what the loader accepted.
void PresentEverything(const RunResult& run) {
  EXPECT_NO_THROW((void)RenderRun(run, "r.json"));
  for (const Exporter& e : Exporters()) EXPECT_NO_THROW((void)e.function(run)) << e.name;
  CompareReport report{CompareRuns(run, run), CheckRunsComparable(run, run), "a", "b"};
  EXPECT_NO_THROW((void)RenderCompareTable(report, true));
  EXPECT_NO_THROW((void)RenderCompareMarkdown(report));
  EXPECT_NO_THROW((void)CompareReportToJson(report).dump());
}

TEST(HostileResultFileTest, FreeFormPartsOfAnyTypeStillRender) {
  // nlohmann's j.value("k", "") throws when "k" holds a number, and on a non-object j. The
  // typed parts of environment and config are checked (above); the rest is read leniently.
  json doc = ValidDoc();
  doc["environment"]["system"] = {
      {"hostname", 5}, {"governors", 5}, {"load_average", "x"}, {"machine", 5}};
  doc["environment"]["from_a_later_version"] = {{"x", json::array({1, "a"})}};
  doc["config"]["shapes"] = 5;
  doc["toolchains"]["rust"] = "x";
  doc["benchctl"] = {{"version", 5}, {"git_commit", 5}, {"git_dirty", "yes"}};
  doc["results"][0]["artifact"] = {{"size_bytes", "big"}};
  RunResult run = RunResultFromJson(doc, "r.json");
  PresentEverything(run);
  ExpectMentions(RenderRun(run, "r.json"),
                 {"suite json · seed 7", "? · 0 CPUs · ? · benchctl 5 (no git)", "rust  ?"});
  json gbench = json::parse(ExportGbench(run));
  EXPECT_EQ(gbench["context"]["num_cpus"], 0);
  EXPECT_EQ(gbench["context"]["host_name"], "5");
  EXPECT_EQ(gbench["context"]["cpu_scaling_enabled"], false);
  ExpectMentions(ExportBenchstat(run), {"cpu: unknown\n", "# toolchain rust: ?\n"});
  // What benchctl does not read is written back as it was recorded.
  json again = RunResultToJson(run);
  EXPECT_EQ(again["environment"]["system"], doc["environment"]["system"]);
  EXPECT_EQ(again["environment"]["from_a_later_version"],
            doc["environment"]["from_a_later_version"]);
  EXPECT_EQ(again["config"]["shapes"], 5);
}

TEST(HostileResultFileTest, ZeroTimesLoadAndShowNoRatio) {
  // benchctl's protocol accepts zero-ns samples, so its own files can hold a zero median.
  testing::JobShape other;
  other.impl = "rust-other";
  RunResult run = testing::MakeRun(
      {testing::MakeJob({}, {0, 0, 0}), testing::MakeJob(other, {1000, 1100, 1200})});
  run = RunResultFromJson(RunResultToJson(run), "r.json");
  PresentEverything(run);
  std::string shown = RenderRun(run, "r.json");
  EXPECT_NE(shown.find("rust-other"), std::string::npos) << shown;
  // The fastest (zero) row is the reference; the other row has no ratio to it.
  ShowOptions wide;
  wide.wide = true;
  EXPECT_NE(RenderRun(run, "r.json", wide).find("1.00× (fastest)"), std::string::npos) << shown;
  EXPECT_EQ(shown.find("inf"), std::string::npos) << shown;
}

// A ratio's interval sorts every base × candidate pair: 3,200 processes a side is just over
// kMaxRatioPairs (a 22 MB file of two 40,000-process jobs took 12 GB before the limit).
RunResult ManyProcessesRun(const std::string& impl = "rust-serde") {
  testing::JobShape shape;
  shape.impl = impl;
  return testing::MakeRun({testing::MakeJob(shape, testing::Times(1e6, 3200))});
}

TEST(HostileResultFileTest, ShowSkipsRatiosThatWouldPairTooManyProcesses) {
  RunResult run = ManyProcessesRun();
  run.jobs.push_back(ManyProcessesRun("rust-other").jobs[0]);
  EXPECT_NE(RenderRun(run, "r.json").find("- (too many processes)"), std::string::npos);
}

TEST(HostileResultFileTest, MemoryIncreaseCannotOverflow) {
  // The loader refuses negative sizes; a record built in code is not checked, and
  // LONG_MAX - (-1) overflowed a long.
  JobResult job = testing::MakeJob({}, {1000});
  job.processes[0].peak_rss_kb = std::numeric_limits<long>::max();
  job.processes[0].baseline_rss_kb = -1;
  JobSummary s = ComputeJobSummary(job);
  ASSERT_TRUE(s.rss_increase_kb.has_value());
  EXPECT_DOUBLE_EQ(s.rss_increase_kb->median, 0x1p63);
}

TEST(HostileResultFileTest, KilledRunSaysWhyTheReasonIsMissing) {
  RunResult run = testing::MakeRun({testing::MakeJob({}, {1000, 1100})});
  run.complete = false;
  run.config.order = {{0}, {0}, {0}, {0}};
  EXPECT_EQ(CompletionText(run),
            "INCOMPLETE: benchctl stopped without recording why (killed by SIGKILL, a crash or "
            "power loss); 2 of 4 processes ran");
  run.stop_reason = "interrupted by SIGINT";
  EXPECT_EQ(CompletionText(run), "INCOMPLETE: interrupted by SIGINT; 2 of 4 processes ran");
  run.config.order.clear();
  EXPECT_EQ(CompletionText(run), "INCOMPLETE: interrupted by SIGINT; 2 processes ran");
  run.complete = true;
  EXPECT_EQ(CompletionText(run), "complete");
}

// A run whose names, failure texts and environment hold terminal controls.
RunResult HostileNamesRun() {
  testing::JobShape evil;
  evil.impl = "evil\x1b]0;pwned\x07";
  evil.input = "in\xc2\x9b";
  testing::JobShape other = evil;
  other.impl = "other";
  JobResult failed = testing::MakeFailedJob(other, "bad\x1b[2J\nsecond line");
  failed.processes[1].stderr_tail = "err\x1b[31m\nmore";
  RunResult run = testing::MakeRun({testing::MakeJob(evil, {1000, 1100}), failed});
  run.complete = false;
  run.stop_reason = "stop\x1b";
  run.environment.system.cpu_model = "cpu\x1b[2J";
  run.environment.noise_warnings.resize(1);
  run.environment.noise_warnings[0].condition = "warn\x1b";
  run.toolchains["rust"]["version"] = "rustc\x07";
  return run;
}

TEST(HostileResultFileTest, ShowEscapesEveryStringFromTheFile) {
  std::string shown = RenderRun(HostileNamesRun(), "file\x1b.json");
  EXPECT_FALSE(testing::HasRawControl(shown, false)) << shown;
  // Failure texts and stderr keep their lines; nothing else a terminal acts on survives.
  ExpectMentions(
      shown, {"file\\x1b.json  (INCOMPLETE: stop\\x1b; 4 processes ran)", "cpu\\x1b[2J",
              "rustc\\x07", "warning: warn\\x1b", "json · parse-dom · in\\u009b",
              "evil\\x1b]0;pwned\\x07", "bad\\x1b[2J\nsecond line", "stderr: err\\x1b[31m\nmore"});
}

// The CLI on crafted files: exit 2 naming the file, for every command that reads one.
class HostileCliTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& text) {
    testing::WriteText(tmp_ / name, text);
    return (tmp_ / name).string();
  }
  void ExpectRefusedEverywhere(const std::string& file, const std::vector<std::string>& words) {
    std::vector<std::vector<std::string>> commands = {{"show", file}, {"compare", file, file}};
    for (const Exporter& e : Exporters()) {
      commands.push_back({"export", file, "--format", std::string(e.name)});
    }
    for (const auto& args : commands) {
      SCOPED_TRACE(args[0] + " " + (args.size() > 3 ? args[3] : ""));
      CommandResult r = testing::RunBenchctl(args);
      EXPECT_EQ(r.exit_code, kUsage) << r.output;  // 139 (SIGSEGV) before the depth check.
      ExpectMentions(r.output, words);
    }
  }
  TempDir tmp_;
};

TEST_F(HostileCliTest, DeepFileIsRefusedByEveryCommand) {
  std::string file = Write("deep.json", WithDeepCounters(Nested(1000000)));
  ExpectRefusedEverywhere(file, {"benchctl: error: " + file, "nest deeper than 64 levels"});
}

TEST_F(HostileCliTest, NegativeTimeIsRefusedNotCalledNoRegression) {
  json doc = ValidDoc();
  for (auto& p : doc["results"][0]["processes"]) p["median_ns"] = -150;
  std::string file = Write("negative.json", doc.dump());
  ExpectRefusedEverywhere(file, {file, "`results[0].processes[0].median_ns` is out of range"});
}

TEST_F(HostileCliTest, HugeNumberIsRefusedNamingTheFile) {
  std::string text = ValidDoc().dump();
  text.replace(text.find("\"median_ns\":1000.0"), 18, "\"median_ns\":1e400");
  std::string file = Write("huge.json", text);
  ExpectRefusedEverywhere(file, {"benchctl: error: " + file, "a number is too large"});
}

TEST_F(HostileCliTest, NoCommandPrintsAControlCharacterFromTheFile) {
  std::string file = Write("evil.json", RunResultToJson(HostileNamesRun()).dump());
  std::vector<std::vector<std::string>> commands = {{"show", file},
                                                    {"compare", file, file, "--color", "never"},
                                                    {"compare", file, file, "--format", "md"},
                                                    {"compare", file, file, "--format", "json"}};
  for (const Exporter& e : Exporters()) {
    commands.push_back({"export", file, "--format", std::string(e.name)});
  }
  for (const auto& args : commands) {
    SCOPED_TRACE(args[0] + " " + args.back());
    CommandResult r = testing::RunBenchctl(args);
    EXPECT_NE(r.exit_code, kUsage) << r.output;
    EXPECT_FALSE(testing::HasRawControl(r.output)) << r.output;
  }
}

TEST_F(HostileCliTest, CompareRefusesSamplesTooLargeToPair) {
  std::string file = Write("many.json", RunResultToJson(ManyProcessesRun()).dump());
  CommandResult r = testing::RunBenchctl({"compare", file, file});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {file + " and " + file, "3200 verified processes",
                            "at most 10000000 pairs fit in memory"});
}

TEST_F(HostileCliTest, ShowOfAKilledRunExplainsTheMissingReason) {
  json doc = ValidDoc();
  doc["complete"] = false;
  doc["stop_reason"] = "";
  CommandResult r = testing::RunBenchctl({"show", Write("killed.json", doc.dump())});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  // The line wraps at 100 columns by default.
  ExpectMentions(r.output, {"(INCOMPLETE: benchctl stopped without recording why (killed by",
                            "SIGKILL, a crash or power loss); 2 processes ran)"});
}

}  // namespace
}  // namespace benchctl
