// Instruction counts under callgrind (harness/run/instruction_counts.h) on a fake Executor that
// writes the callgrind output file itself: the request, the arithmetic and the failures.
#include "instruction_counts.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "runner.h"
#include "test_support.h"

namespace benchctl {
namespace {

TEST(ParseCallgrindTotalTest, ReadsTotalsOrSummary) {
  EXPECT_EQ(ParseCallgrindTotal("version: 1\nevents: Ir\nfn=main\n5 12\ntotals: 9591366\n"),
            9591366u);
  EXPECT_EQ(ParseCallgrindTotal("events: Ir\nsummary: 42\n"), 42u);
  EXPECT_EQ(ParseCallgrindTotal("summary: 7\ntotals: 8\n"), 8u);            // totals wins.
  EXPECT_EQ(ParseCallgrindTotal("events: Ir Dr\ntotals: 100 30\n"), 100u);  // The first event.
  EXPECT_EQ(ParseCallgrindTotal("totals:\n"), std::nullopt);
  EXPECT_EQ(ParseCallgrindTotal("fn=totals: 5\n"), std::nullopt);  // Only at a line's start.
  EXPECT_EQ(ParseCallgrindTotal(""), std::nullopt);
}

// "Runs" each request by writing `base + per_sample * BENCHCTL_SAMPLES` instructions to the
// file named by --callgrind-out-file, and answering with a verified result.
class CallgrindFake : public Executor {
 public:
  std::uint64_t base = 1000000, per_sample = 2500;
  long sum = 15;
  bool write_file = true;
  std::vector<RunRequest> requests;

  RunOutcome Run(const RunRequest& request) override {
    requests.push_back(request);
    std::uint64_t samples = 1;
    if (auto it = request.env.find("BENCHCTL_SAMPLES"); it != request.env.end()) {
      samples = std::stoull(it->second);
    }
    for (const auto& arg : request.argv) {
      const std::string flag = "--callgrind-out-file=";
      if (write_file && arg.starts_with(flag)) {
        std::ofstream(arg.substr(flag.size()))
            << "events: Ir\ntotals: " << base + per_sample * samples << "\n";
      }
    }
    RunOutcome o;
    o.exited = true;
    o.exit_code = 0;
    if (request.protocol) {
      o.protocol_lines = {nlohmann::json({{"schema", 1},
                                          {"type", "result"},
                                          {"verification", {{"sum", sum}}},
                                          {"iterations", 1},
                                          {"samples_ns", std::vector<int>(samples, 100)},
                                          {"mismatches", 0}})
                              .dump()};
    } else {
      o.stdout_text = "ok\n";
    }
    return o;
  }
};

JobSpec Spec(const std::string& mode, const std::string& language = "cpp") {
  JobSpec s;
  s.id = "json/x/parse-dom/in@base";
  s.mode = mode;
  s.language = language;
  s.argv = {"/bin/x", "--flag"};
  s.env = {{"BENCHCTL_SAMPLES", "5"}, {"BENCHCTL_WARMUP", "2"}, {"BENCHCTL_ITERATIONS", "0"}};
  s.expected = mode == "process" ? nlohmann::json("ok") : nlohmann::json({{"sum", 15}});
  return s;
}

CallgrindSettings Settings(const testing::TempDir& dir) {
  CallgrindSettings s;
  s.valgrind = "/usr/bin/valgrind";
  s.measurements = 3;
  s.target_ns = 1000;
  s.min_extra = 10;
  s.out_dir = dir.path();
  s.language_env["go"] = {{"GODEBUG", "asyncpreemptoff=1"}};  // As toolchains/go.json says.
  return s;
}

TEST(CallgrindRequestTest, PrefixesValgrindAndAddsTheLanguagesVariables) {
  testing::TempDir dir;
  RunRequest base;
  base.argv = {"/bin/x", "--flag"};
  base.env = Spec("inprocess").env;
  RunRequest r = CallgrindRequest(base, Spec("inprocess"), Settings(dir), "/tmp/cg.out");
  EXPECT_EQ(r.argv, (std::vector<std::string>{"/usr/bin/valgrind", "--tool=callgrind",
                                              "--callgrind-out-file=/tmp/cg.out", "-q", "/bin/x",
                                              "--flag"}));
  EXPECT_EQ(r.env, base.env);  // The mode, not the request, fixes the iterations.
  EXPECT_FALSE(r.env.contains("GODEBUG"));

  base.env["GODEBUG"] = "madvdontneed=1";
  RunRequest go = CallgrindRequest(base, Spec("inprocess", "go"), Settings(dir), "/tmp/g");
  EXPECT_EQ(go.env["GODEBUG"], "madvdontneed=1,asyncpreemptoff=1");
}

TEST(MeasureInstructionsTest, InprocessFixesTheTimedIterationsOfEachRun) {
  testing::TempDir dir;
  CallgrindFake fake;
  JobSpec spec = Spec("inprocess");
  MeasureInstructions(spec, MakeRequest(spec, {}), fake, Settings(dir), 0, 10);
  ASSERT_EQ(fake.requests.size(), 2u);
  for (const RunRequest& r : fake.requests) {
    EXPECT_EQ(r.env.at("BENCHCTL_ITERATIONS"), "1");
    EXPECT_EQ(r.env.at("BENCHCTL_WARMUP"), "0");
  }
  EXPECT_EQ(fake.requests[0].env.at("BENCHCTL_SAMPLES"), "1");
  EXPECT_EQ(fake.requests[1].env.at("BENCHCTL_SAMPLES"), "11");
}

TEST(ExtraIterationsTest, CoverTheTargetTimeAndAtLeastTheMinimum) {
  CallgrindSettings s;
  s.target_ns = 50e6;
  s.min_extra = 10;
  EXPECT_EQ(ExtraIterations(25e3, s), 2000);  // 25 µs per op: 2000 of them make 50 ms.
  EXPECT_EQ(ExtraIterations(30e3, s), 1667);  // Rounded up.
  EXPECT_EQ(ExtraIterations(30e6, s), 10);    // 2 would do; the minimum wins.
  EXPECT_EQ(ExtraIterations(0.0, s), 10);     // No timing known: the minimum.
  EXPECT_EQ(ExtraIterations(1e-9, s), 1000000);
}

TEST(MeasureInstructionsTest, InprocessIsTheDifferencePerExtraIteration) {
  testing::TempDir dir;
  CallgrindFake fake;
  JobSpec spec = Spec("inprocess");
  InstructionRecord r =
      MeasureInstructions(spec, MakeRequest(spec, {}), fake, Settings(dir), 0, 10);
  EXPECT_TRUE(r.ok) << r.failure;
  EXPECT_EQ(r.short_total, 1002500u);
  EXPECT_EQ(r.long_total, 1000000u + 2500u * 11);
  EXPECT_EQ(r.extra_iterations, 10);
  EXPECT_DOUBLE_EQ(r.per_op, 2500.0);
  ASSERT_EQ(fake.requests.size(), 2u);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));  // Output files are removed.
}

TEST(MeasureInstructionsTest, ProcessModeCountsTheWholeProcess) {
  testing::TempDir dir;
  CallgrindFake fake;
  JobSpec spec = Spec("process");
  InstructionRecord r =
      MeasureInstructions(spec, MakeRequest(spec, {}), fake, Settings(dir), 0, 10);
  EXPECT_TRUE(r.ok) << r.failure;
  ASSERT_EQ(fake.requests.size(), 1u);
  EXPECT_FALSE(fake.requests[0].protocol);
  EXPECT_EQ(fake.requests[0].env, spec.env);           // Process mode: the child is unchanged.
  EXPECT_DOUBLE_EQ(r.per_op, 1000000.0 + 2500.0 * 5);  // The child's own BENCHCTL_SAMPLES.
  EXPECT_EQ(r.extra_iterations, 0);
}

TEST(MeasureInstructionsTest, FailuresNameTheCause) {
  testing::TempDir dir;
  RunRequest base;
  base.protocol = true;
  {
    CallgrindFake wrong;
    wrong.sum = 16;  // Verified under callgrind too.
    InstructionRecord r = MeasureInstructions(Spec("inprocess"), base, wrong, Settings(dir), 0, 10);
    EXPECT_FALSE(r.ok);
    testing::ExpectMentions(r.failure, {"under callgrind", "wrong verification value"});
  }
  {
    CallgrindFake silent;
    silent.write_file = false;
    InstructionRecord r =
        MeasureInstructions(Spec("inprocess"), base, silent, Settings(dir), 1, 10);
    EXPECT_FALSE(r.ok);
    testing::ExpectMentions(r.failure, {"callgrind wrote no instruction total", "-1-short.out"});
  }
  {
    CallgrindFake flat;
    flat.per_sample = 0;
    InstructionRecord r = MeasureInstructions(Spec("inprocess"), base, flat, Settings(dir), 2, 10);
    EXPECT_FALSE(r.ok);
    testing::ExpectMentions(r.failure, {"10 more timed iterations did not execute more"});
  }
}

TEST(RunnerInstructionsTest, CountsEveryJobThatDidNotFailAfterTheTimedRounds) {
  testing::TempDir dir;
  CallgrindFake fake;
  RunResult run;
  for (const char* id : {"a", "b"}) {
    JobResult job;
    job.spec = Spec("inprocess");
    job.spec.id = id;
    run.jobs.push_back(job);
  }
  run.jobs[1].spec.setup_failure = "not built";
  RunnerSettings settings{{1}, 10, 0, Settings(dir)};
  std::vector<std::size_t> counted;
  RunnerCallbacks callbacks;
  callbacks.counted = [&](const JobResult&, const InstructionRecord&, std::size_t done,
                          std::size_t total) {
    counted.push_back(done);
    EXPECT_EQ(total, 3u);
  };
  ExecuteRun(run, {{0, 1}, {1, 0}}, fake, settings, callbacks, ManualStopToken());
  EXPECT_EQ(run.jobs[0].status, "ok");
  EXPECT_EQ(run.jobs[0].processes.size(), 2u);
  ASSERT_EQ(run.jobs[0].instructions.size(), 3u);
  for (const auto& c : run.jobs[0].instructions) EXPECT_DOUBLE_EQ(c.per_op, 2500.0);
  EXPECT_TRUE(run.jobs[1].instructions.empty());  // Failed jobs are not counted.
  EXPECT_EQ(counted, (std::vector<std::size_t>{1, 2, 3}));
  // 2 timed processes, then 3 counts of 2 runs each.
  EXPECT_EQ(fake.requests.size(), 2u + 6u);
}

TEST(RunnerInstructionsTest, AFailedCountFailsTheJob) {
  testing::TempDir dir;
  CallgrindFake fake;
  fake.write_file = false;
  RunResult run;
  JobResult job;
  job.spec = Spec("inprocess");
  run.jobs.push_back(job);
  ExecuteRun(run, {{0}}, fake, RunnerSettings{{1}, 10, 0, Settings(dir)}, {}, ManualStopToken());
  EXPECT_EQ(run.jobs[0].status, "failed");
  testing::ExpectMentions(run.jobs[0].failure, {"callgrind wrote no instruction total"});
  EXPECT_EQ(run.jobs[0].instructions.size(), 1u);  // It stops at the first failure.
}

}  // namespace
}  // namespace benchctl
