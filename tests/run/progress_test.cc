// harness/run/progress: the ETA maths and the lines, on a fake clock (no timed test).
#include "progress.h"

#include <gtest/gtest.h>

namespace benchctl {
namespace {

TEST(ProgressTest, FormatsDurationsForReading) {
  EXPECT_EQ(FormatDuration(0), "0s");
  EXPECT_EQ(FormatDuration(42.4), "42s");
  EXPECT_EQ(FormatDuration(59.6), "1m00s");
  EXPECT_EQ(FormatDuration(187), "3m07s");
  EXPECT_EQ(FormatDuration(3720), "1h02m");
  EXPECT_EQ(FormatDuration(-5), "0s");
}

TEST(ProgressTest, EtaIsTheAverageTimePerFinishedProcessTimesWhatIsLeft) {
  EXPECT_FALSE(EstimateRemaining(10, 0, 100).has_value());
  EXPECT_DOUBLE_EQ(*EstimateRemaining(30, 10, 100), 270);  // 3 s each, 90 left.
  EXPECT_DOUBLE_EQ(*EstimateRemaining(30, 100, 100), 0);
  EXPECT_DOUBLE_EQ(*EstimateRemaining(30, 120, 100), 0);  // Never negative.
}

TEST(ProgressTest, SummaryNamesDoneTotalElapsedAndEta) {
  // 72 s / 37 × 83 left = 161.5 s.
  EXPECT_EQ(ProgressSummary(37, 120, 72), "[37/120] 1m12s elapsed, ETA 2m42s");
  EXPECT_EQ(ProgressSummary(0, 120, 5), "[0/120] 5s elapsed, ETA ?");
}

TEST(ProgressTest, OffATerminalALinePerFinishedJobWithTheEta) {
  double now = 100;
  ProgressDisplay display(false, 2, [&now] { return now; });
  JobResult job;
  job.spec.id = "json/cpp-x/parse";
  ProcessRecord ok;
  ok.ok = true;
  job.processes.push_back(ok);
  now = 110;
  ::testing::internal::CaptureStderr();
  display.Update({1, 4, &job, &job.processes.back()});  // 1 of 2: the job is not finished.
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  job.processes.push_back(ok);
  now = 120;
  ::testing::internal::CaptureStderr();
  display.Update({2, 4, &job, &job.processes.back()});
  // 20 s for 2 processes: 10 s each, 2 left.
  EXPECT_EQ(::testing::internal::GetCapturedStderr(),
            "[2/4] 20s elapsed, ETA 20s done: json/cpp-x/parse (0 failures so far)\n");
}

TEST(ProgressTest, OnATerminalOneUpdatingLineWithTheEta) {
  double now = 0;
  ProgressDisplay display(true, 10, [&now] { return now; });
  JobResult job;
  job.spec.id = "spsc/rust-ring";
  ProcessRecord ok;
  ok.ok = true;
  ok.median_ns = 1500;
  job.processes.push_back(ok);
  now = 90;
  ::testing::internal::CaptureStderr();
  display.Update({3, 12, &job, &job.processes.back()});
  EXPECT_EQ(::testing::internal::GetCapturedStderr(),
            "\r\033[K[3/12] 1m30s elapsed, ETA 4m30s spsc/rust-ring 1.500 µs");
}

}  // namespace
}  // namespace benchctl
