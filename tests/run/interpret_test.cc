// From a child's outcome to a process record (harness/run/interpret.h): each
// failure reason, the per-operation arithmetic, and verification.
#include "interpret.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace benchctl {
namespace {

const std::string kSetup = R"({"schema":1,"type":"setup","rss_kb":1000})";

std::string ResultLine(const nlohmann::json& verification, int mismatches = 0) {
  return nlohmann::json({{"schema", 1},
                         {"type", "result"},
                         {"verification", verification},
                         {"iterations", 4},
                         {"warmup_ns", {4000}},
                         {"samples_ns", {400, 1200, 800}},
                         {"mismatches", mismatches}})
      .dump();
}

JobSpec SumJob() {
  JobSpec job;
  job.id = "selftest/cpp-x/sum";
  job.mode = "inprocess";
  job.expected = {{"sum", 15}};
  return job;
}

// A clean exit that said `lines`.
RunOutcome Said(std::vector<std::string> lines) {
  RunOutcome o;
  o.exited = true;
  o.exit_code = 0;
  o.wall_seconds = 1.5;
  o.user_seconds = 1.25;
  o.system_seconds = 0.25;
  o.peak_rss_kb = 3000;
  o.stderr_tail = "a note\n";
  o.protocol_lines = std::move(lines);
  return o;
}

std::string FailureOf(const RunOutcome& o, const JobSpec& job = SumJob()) {
  ProcessRecord p = InterpretOutcome(job, o);
  EXPECT_EQ(p.ok, p.failure.empty());
  return p.failure;
}

TEST(InterpretTest, AGoodProcessIsVerifiedAndDividedPerOperation) {
  ProcessRecord p = InterpretOutcome(SumJob(), Said({kSetup, ResultLine({{"sum", 15}})}));
  EXPECT_TRUE(p.ok) << p.failure;
  EXPECT_EQ(p.iterations, 4);
  EXPECT_EQ(p.samples_ns, (std::vector<double>{100, 300, 200}));
  EXPECT_EQ(p.warmup_ns, std::vector<double>{1000});
  EXPECT_DOUBLE_EQ(p.median_ns, 200);
  EXPECT_EQ(p.baseline_rss_kb, 1000);
  EXPECT_EQ(p.peak_rss_kb, 3000);
  EXPECT_DOUBLE_EQ(p.wall_seconds, 1.5);
  EXPECT_DOUBLE_EQ(p.user_seconds, 1.25);
  EXPECT_DOUBLE_EQ(p.system_seconds, 0.25);
  EXPECT_EQ(p.verification, nlohmann::json({{"sum", 15}}));
  EXPECT_EQ(p.stderr_tail, "a note\n");
}

TEST(InterpretTest, TimedOut) {
  RunOutcome o = Said({kSetup});
  o.exited = false;
  o.term_signal = 9;
  o.timed_out = true;
  EXPECT_EQ(FailureOf(o), "timed out: killed with its process group");
}

TEST(InterpretTest, Interrupted) {
  RunOutcome o = Said({kSetup});
  o.exited = false;
  o.term_signal = 9;
  o.interrupted = true;
  EXPECT_NE(FailureOf(o).find("interrupted"), std::string::npos);
}

TEST(InterpretTest, KilledBySignal) {
  RunOutcome o = Said({kSetup});
  o.exited = false;
  o.term_signal = 6;
  EXPECT_NE(FailureOf(o).find("killed by signal 6 ("), std::string::npos) << FailureOf(o);
}

TEST(InterpretTest, NonZeroExitWinsOverWhatItSaid) {
  RunOutcome o = Said({kSetup, ResultLine({{"sum", 15}})});
  o.exit_code = 3;
  EXPECT_EQ(FailureOf(o), "exited with status 3");
}

TEST(InterpretTest, AnErrorMessageExplainsItsNonZeroExit) {
  RunOutcome o = Said({kSetup, R"({"schema":1,"type":"error","message":"input.json: bad"})"});
  o.exit_code = 1;
  EXPECT_EQ(FailureOf(o), "workload reported an error: input.json: bad");
  o.exited = false;  // But a signal after the error message is the reason.
  o.exit_code = -1;
  o.term_signal = 11;
  EXPECT_NE(FailureOf(o).find("signal 11"), std::string::npos);
}

TEST(InterpretTest, ExecutorViolationComesBeforeParsing) {
  RunOutcome o = Said({kSetup, "garbage"});
  o.protocol_violation = "a protocol line longer than 1048576 bytes";
  EXPECT_EQ(FailureOf(o), "protocol violation: a protocol line longer than 1048576 bytes");
}

TEST(InterpretTest, ParsedViolation) {
  EXPECT_EQ(FailureOf(Said({kSetup, "garbage"})),
            "protocol violation: a protocol line is not a JSON object: \"garbage\"");
}

TEST(InterpretTest, NoResult) {
  EXPECT_EQ(FailureOf(Said({kSetup})), "the workload exited without sending its result message");
  EXPECT_EQ(FailureOf(Said({})), "the workload exited without sending its result message");
}

TEST(InterpretTest, Mismatches) {
  EXPECT_EQ(FailureOf(Said({kSetup, ResultLine({{"sum", 15}}, 3)})),
            "3 timed iterations computed a result different from the self-check");
}

TEST(InterpretTest, WrongValueShowsBoth) {
  EXPECT_EQ(FailureOf(Said({kSetup, ResultLine({{"sum", 1}})})),
            R"(wrong verification value: expected {"sum":15} got {"sum":1})");
}

TEST(InterpretTest, LongValuesAreShortenedInTheReason) {
  std::string reason = FailureOf(Said({kSetup, ResultLine(std::string(5000, 'v'))}));
  EXPECT_NE(reason.find("..."), std::string::npos);
  EXPECT_LT(reason.size(), 1500u);
}

JobSpec StartupJob() {
  JobSpec job;
  job.mode = "process";
  job.expected = "3b9c358f36f0e3a5";
  return job;
}

TEST(InterpretTest, ProcessModeVerifiesTrimmedStdoutAndTimesTheWall) {
  RunOutcome o = Said({});
  o.stdout_text = "3b9c358f36f0e3a5\n \n";
  o.wall_seconds = 0.002;
  ProcessRecord p = InterpretOutcome(StartupJob(), o);
  EXPECT_TRUE(p.ok) << p.failure;
  EXPECT_EQ(p.verification, "3b9c358f36f0e3a5");
  EXPECT_DOUBLE_EQ(p.median_ns, 2e6);
  EXPECT_EQ(p.samples_ns.size(), 1u);
  EXPECT_EQ(p.iterations, 1);
  EXPECT_FALSE(p.baseline_rss_kb.has_value());

  o.stdout_text = "nope";
  EXPECT_EQ(FailureOf(o, StartupJob()),
            R"(wrong verification value: expected "3b9c358f36f0e3a5" got "nope")");
  o.exit_code = 2;
  EXPECT_EQ(FailureOf(o, StartupJob()), "exited with status 2");
}

TEST(CheckVerificationTest, ASuitesOwnCheckReplacesEquality) {
  JobSpec job;
  job.expected = 7;
  EXPECT_EQ(CheckVerification(job, 7), "");
  job.check = [](const nlohmann::json& value) {
    return value == 8 ? std::string() : std::string("not eight");
  };
  EXPECT_EQ(CheckVerification(job, 8), "");
  EXPECT_EQ(CheckVerification(job, 7), "not eight");
}

}  // namespace
}  // namespace benchctl
