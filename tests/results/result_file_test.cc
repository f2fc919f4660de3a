// Result files (harness/results/result_file.h): round trip, atomic writes, and errors
// that name the file for every kind of bad input.
#include "result_file.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "error.h"
#include "test_support.h"

namespace benchctl {
namespace {

using testing::TempDir;
using testing::WriteText;

RunResult SampleRun() {
  RunResult run;
  run.run_id = "0123456789abcdef01234567";
  run.benchctl = {{"version", "0.1.0"}, {"git_commit", "abc"}, {"git_dirty", false}};
  run.environment.child_cpus = {1};
  run.environment.system.cpu_model = "Test CPU";
  run.environment.estimated_cpu_hz = 3e9;
  run.environment.extra = {{"from_a_later_version", {{"x", 1}}}};
  run.toolchains = {{"cpp", {{"version", "g++ 12.2"}}}};
  run.config.suite = "json";
  run.config.seed = 42;
  run.config.order = {{0, 1}, {1, 0}};
  run.config.instructions = InstructionsConfig{};
  run.config.instructions->measurements = 2;
  run.config.extra = {{"shapes", {"twitter"}}};
  run.started_utc = "2026-01-02T03:04:05Z";
  run.finished_utc = "2026-01-02T03:05:00Z";
  run.complete = false;
  run.stop_reason = "interrupted by SIGINT";

  JobResult ok;
  ok.spec.id = "json/cpp-x/parse-dom/twitter-1MB";
  ok.spec.suite = "json";
  ok.spec.impl = "cpp-x";
  ok.spec.language = "cpp";
  ok.spec.variant = "x";
  ok.spec.operation = "parse-dom";
  ok.spec.mode = "inprocess";
  ok.spec.library = "lib";
  ok.spec.library_version = "1.0";
  ok.spec.validation = "reduced";
  ok.spec.build_label = "base";
  ok.spec.input = InputInfo{"twitter-1MB", "/tmp/in.json", "ff00", "twitter", 7, 1000000};
  ok.spec.argv = {"/bin/x", "arg"};
  ok.spec.env = {{"BENCHCTL_FD", "3"}};
  ok.spec.expected = {{"objects", 10}};
  ok.spec.verify = "serialized-file";
  ok.spec.bytes_per_op = 1e6;
  ok.spec.artifact = {{"binary", "/bin/x"}};
  ok.status = "ok";
  ProcessRecord p;
  p.round = 1;
  p.position = 2;
  p.ok = true;
  p.wall_seconds = 1.5;
  p.user_seconds = 1.25;
  p.system_seconds = 0.125;
  p.peak_rss_kb = 4096;
  p.baseline_rss_kb = 1024;
  p.iterations = 8;
  p.samples_ns = {100, 300, 200};
  p.warmup_ns = {500};
  p.median_ns = 200;
  p.verification = {{"objects", 10}};
  p.counters = {{"bytes_per_iteration", 1000000}};
  ok.processes = {p, p};
  InstructionRecord count;
  count.ok = true;
  count.per_op = 3302552;
  count.short_total = 9592776;
  count.long_total = 42618296;
  count.extra_iterations = 10;
  ok.instructions = {count};

  JobResult failed;
  failed.spec = ok.spec;
  failed.spec.id = "json/cpp-y/parse-dom/twitter-1MB";
  failed.spec.input.reset();
  failed.spec.setup_failure = "build failed";
  failed.status = "failed";
  failed.failure = "build failed";
  ProcessRecord bad;
  bad.failure = "exited with status 3";
  bad.stderr_tail = "oops\n";
  failed.processes = {bad};
  run.jobs = {ok, failed};
  return run;
}

TEST(ResultFileTest, RoundTripKeepsEveryField) {
  RunResult in = SampleRun();
  nlohmann::json doc = RunResultToJson(in);
  EXPECT_EQ(doc["schema_version"], kResultSchemaVersion);
  RunResult out = RunResultFromJson(doc, "mem");
  EXPECT_EQ(doc["run_id"], "0123456789abcdef01234567");
  EXPECT_EQ(out.run_id, in.run_id);
  EXPECT_EQ(out.benchctl, in.benchctl);
  EXPECT_EQ(out.environment, in.environment);
  EXPECT_EQ(out.toolchains, in.toolchains);
  EXPECT_EQ(out.config, in.config);
  EXPECT_EQ(out.started_utc, in.started_utc);
  EXPECT_EQ(out.finished_utc, in.finished_utc);
  EXPECT_EQ(out.complete, false);
  EXPECT_EQ(out.stop_reason, in.stop_reason);
  ASSERT_EQ(out.jobs.size(), 2u);
  const JobSpec& s = out.jobs[0].spec;
  const JobSpec& e = in.jobs[0].spec;
  EXPECT_EQ(s.id, e.id);
  EXPECT_EQ(s.impl, e.impl);
  EXPECT_EQ(s.operation, e.operation);
  EXPECT_EQ(s.validation, "reduced");
  EXPECT_EQ(s.build_label, "base");
  ASSERT_TRUE(s.input.has_value());
  EXPECT_EQ(s.input->name, "twitter-1MB");
  EXPECT_EQ(s.input->sha256, "ff00");
  EXPECT_EQ(s.input->seed, 7u);
  EXPECT_EQ(s.input->bytes, 1000000u);
  EXPECT_EQ(s.argv, e.argv);
  EXPECT_EQ(s.env, e.env);
  EXPECT_EQ(s.expected, e.expected);
  EXPECT_EQ(s.verify, "serialized-file");
  EXPECT_DOUBLE_EQ(s.bytes_per_op, 1e6);
  EXPECT_EQ(s.artifact, e.artifact);
  EXPECT_EQ(out.jobs[0].status, "ok");
  ASSERT_EQ(out.jobs[0].processes.size(), 2u);
  const ProcessRecord& p = out.jobs[0].processes[0];
  EXPECT_EQ(p.round, 1);
  EXPECT_EQ(p.position, 2);
  EXPECT_TRUE(p.ok);
  EXPECT_DOUBLE_EQ(p.wall_seconds, 1.5);
  EXPECT_DOUBLE_EQ(p.system_seconds, 0.125);
  EXPECT_EQ(p.peak_rss_kb, 4096);
  EXPECT_EQ(p.baseline_rss_kb, 1024);
  EXPECT_EQ(p.iterations, 8);
  EXPECT_EQ(p.samples_ns, (std::vector<double>{100, 300, 200}));
  EXPECT_EQ(p.warmup_ns, std::vector<double>{500});
  EXPECT_DOUBLE_EQ(p.median_ns, 200);
  EXPECT_EQ(p.verification, in.jobs[0].processes[0].verification);
  EXPECT_EQ(p.counters, in.jobs[0].processes[0].counters);
  ASSERT_EQ(out.jobs[0].instructions.size(), 1u);
  const InstructionRecord& c = out.jobs[0].instructions[0];
  EXPECT_TRUE(c.ok);
  EXPECT_DOUBLE_EQ(c.per_op, 3302552);
  EXPECT_EQ(c.short_total, 9592776u);
  EXPECT_EQ(c.long_total, 42618296u);
  EXPECT_EQ(c.extra_iterations, 10);
  EXPECT_DOUBLE_EQ(doc["results"][0]["metrics"]["instructions_per_op"]["summary"]["median"],
                   3302552);
  EXPECT_FALSE(doc["results"][1].contains("instructions"));  // Only written when counted.

  const JobResult& f = out.jobs[1];
  EXPECT_FALSE(f.spec.input.has_value());
  EXPECT_EQ(f.spec.setup_failure, "build failed");
  EXPECT_EQ(f.status, "failed");
  EXPECT_EQ(f.failure, "build failed");
  EXPECT_FALSE(f.processes[0].baseline_rss_kb.has_value());
  EXPECT_EQ(f.processes[0].failure, "exited with status 3");
  EXPECT_EQ(f.processes[0].stderr_tail, "oops\n");
  // Serialising again gives the same document.
  EXPECT_EQ(RunResultToJson(out), doc);
}

TEST(ResultFileTest, FilesFromBeforeRunIdsLoadWithAnEmptyOne) {
  RunResult in = SampleRun();
  in.run_id.clear();
  nlohmann::json doc = RunResultToJson(in);
  EXPECT_FALSE(doc.contains("run_id"));
  EXPECT_EQ(RunResultFromJson(doc, "mem").run_id, "");
}

TEST(ResultFileTest, MetricsHoldOnlyVerifiedProcessesOfGoodJobs) {
  nlohmann::json doc = RunResultToJson(SampleRun());
  EXPECT_EQ(doc["schema_version"], 2);
  const nlohmann::json& time = doc["results"][0]["metrics"]["time_ns"];
  EXPECT_EQ(time["unit"], "ns");
  EXPECT_EQ(time["better"], "lower");
  EXPECT_EQ(time["values"].size(), 2u);
  EXPECT_EQ(time["summary"]["n"], 2);
  EXPECT_EQ(time["summary"]["median"], 200.0);
  const nlohmann::json& throughput = doc["results"][0]["metrics"]["throughput_mb_s"];
  EXPECT_EQ(throughput["better"], "higher");
  EXPECT_EQ(throughput["unit"], "MB/s");
  EXPECT_EQ(doc["results"][1]["metrics"], nlohmann::json::object());  // A failed job has none.
}

TEST(WriteFileAtomicallyTest, WritesReplacesAndLeavesNoTemporaryFile) {
  TempDir tmp;
  const auto path = tmp / "r.json";
  WriteFileAtomically(path, "first");
  WriteFileAtomically(path, "second");
  EXPECT_EQ(testing::ReadText(path), "second");
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(tmp.path())) {
    names.push_back(entry.path().filename().string());
  }
  EXPECT_EQ(names, std::vector<std::string>{"r.json"});
}

TEST(WriteFileAtomicallyTest, UnwritableFolderIsAnErrorNamingThePath) {
  try {
    WriteFileAtomically("/nonexistent-dir/r.json", "x");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent-dir/r.json"), std::string::npos);
  }
}

// The message of loading `text` from a file, or "" if it loaded.
std::string LoadError(const TempDir& tmp, const std::string& text, std::string* path_out) {
  const auto path = tmp / "bad.json";
  WriteText(path, text);
  *path_out = path.string();
  try {
    LoadRunResult(path);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(LoadRunResultTest, RoundTripThroughAFile) {
  TempDir tmp;
  WriteFileAtomically(tmp / "r.json", RunResultToJson(SampleRun()).dump(1));
  RunResult run = LoadRunResult(tmp / "r.json");
  EXPECT_EQ(run.jobs.size(), 2u);
  EXPECT_EQ(run.stop_reason, "interrupted by SIGINT");
}

TEST(LoadRunResultTest, BadFilesAreErrorsNamingTheFileAndTheProblem) {
  TempDir tmp;
  std::string full = RunResultToJson(SampleRun()).dump(1);
  nlohmann::json wrong_version = RunResultToJson(SampleRun());
  wrong_version["schema_version"] = 99;
  nlohmann::json wrong_type = RunResultToJson(SampleRun());
  wrong_type["results"][0]["processes"][0]["ok"] = "yes";
  nlohmann::json bad_count = RunResultToJson(SampleRun());
  bad_count["results"][0]["instructions"][0]["per_op"] = -5;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "empty"},
      {full.substr(0, full.size() / 2), "not valid JSON (truncated or corrupt?)"},
      {R"({"context":{"date":"2026-01-01"},"benchmarks":[{"name":"BM_x","real_time":1}]})",
       "not a benchctl result file: `schema_version` is missing"},
      {"[1,2,3]", "not a JSON object"},
      {wrong_version.dump(), "schema_version 99 is not supported"},
      {wrong_type.dump(), "`results[0].processes[0].ok` has type string"},
      {bad_count.dump(), "`results[0].instructions[0].per_op` is out of range"},
  };
  for (const auto& [text, words] : cases) {
    SCOPED_TRACE(words);
    std::string path;
    std::string message = LoadError(tmp, text, &path);
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find(words), std::string::npos) << message;
  }
}

TEST(LoadRunResultTest, MissingFileNamesIt) {
  try {
    LoadRunResult("/nonexistent/r.json");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/r.json: cannot read"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace benchctl
