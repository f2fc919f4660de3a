// `benchctl history` through the built CLI: exit codes 0/1/2, error text, concurrent adds.
#include <gtest/gtest.h>

#include <cmath>
#include <thread>

#include "atomic_file.h"
#include "result_file.h"
#include "run_fixtures.h"
#include "sqlite_db.h"
#include "test_support.h"

namespace benchctl {
namespace {

using testing::ExpectMentions;
using testing::JobShape;
using testing::MakeJob;
using testing::MakeRun;
using testing::RunBenchctl;
using testing::TempDir;

// Writes night `night`'s result file with three processes around `time_ns`; returns its path.
std::string WriteNight(const TempDir& dir, int night, double time_ns) {
  RunResult run = MakeRun({MakeJob(JobShape{}, {time_ns, time_ns * 1.01, time_ns * 0.99})});
  run.run_id = "night-" + std::to_string(night);
  run.started_utc = fmt::format("2026-01-{:02}T03:00:00Z", night);
  std::string path = (dir / fmt::format("night{:02}.json", night)).string();
  WriteFileAtomically(path, RunResultToJson(run).dump());
  return path;
}

// Nights 1..n, a fixed small wobble, `step` times slower from night `step_at` on.
std::vector<std::string> Nights(const TempDir& dir, int n, int step_at, double step) {
  std::vector<std::string> files;
  for (int night = 1; night <= n; ++night) {
    double wobble = 1.0 + 0.004 * std::sin(night * 1.7);
    files.push_back(WriteNight(dir, night, 1e6 * wobble * (night >= step_at ? step : 1.0)));
  }
  return files;
}

std::vector<std::string> Args(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

TEST(HistoryCliTest, AddIsIdempotentAndCheckFindsTheStep) {
  TempDir dir;
  std::string db = (dir / "h.sqlite").string();
  auto files = Nights(dir, 10, 6, 1.10);
  CommandResult added = RunBenchctl(Args({"history", "add", "--db", db}, files));
  ASSERT_EQ(added.exit_code, 0) << added.output;
  CommandResult again = RunBenchctl({"history", "add", "--db", db, files[3]});
  EXPECT_EQ(again.exit_code, 0) << again.output;
  ExpectMentions(again.output, {"night-4", "already recorded"});

  CommandResult list = RunBenchctl({"history", "list", "--db", db});
  EXPECT_EQ(list.exit_code, 0) << list.output;
  ExpectMentions(list.output, {"night-1", "night-10", "testhost"});

  CommandResult show = RunBenchctl({"history", "show", "--db", db, "rust-serde"});
  EXPECT_EQ(show.exit_code, 0) << show.output;
  ExpectMentions(show.output, {"json/rust-serde/parse-dom/twitter-1MB", "▁", "█"});

  CommandResult check = RunBenchctl({"history", "check", "--db", db});
  EXPECT_EQ(check.exit_code, 1) << check.output;
  ExpectMentions(check.output, {"NEW", "regression at run night-6", "1 NEW REGRESSIONS"});

  // Once the slow run is accepted, the step is old news.
  CommandResult accept = RunBenchctl({"history", "accept", "--db", db, "night-6"});
  EXPECT_EQ(accept.exit_code, 0) << accept.output;
  check = RunBenchctl({"history", "check", "--db", db});
  EXPECT_EQ(check.exit_code, 0) << check.output;
  ExpectMentions(check.output, {"old", "no new regression"});
}

TEST(HistoryCliTest, AFlatHistoryPassesCheck) {
  TempDir dir;
  std::string db = (dir / "h.sqlite").string();
  CommandResult added = RunBenchctl(Args({"history", "add", "--db", db}, Nights(dir, 10, 99, 1)));
  ASSERT_EQ(added.exit_code, 0) << added.output;
  CommandResult check = RunBenchctl({"history", "check", "--db", db});
  EXPECT_EQ(check.exit_code, 0) << check.output;
  ExpectMentions(check.output, {"1 jobs checked", "0 change points", "no new regression"});
}

TEST(HistoryCliTest, AnIncompleteRunIsRefusedUnlessAllowed) {
  TempDir dir;
  std::string db = (dir / "h.sqlite").string();
  RunResult run = MakeRun({MakeJob(JobShape{}, {1000, 1010})});
  run.run_id = "stopped";
  run.complete = false;
  run.stop_reason = "interrupted by SIGINT";
  std::string file = (dir / "stopped.json").string();
  WriteFileAtomically(file, RunResultToJson(run).dump());
  CommandResult refused = RunBenchctl({"history", "add", "--db", db, file});
  EXPECT_EQ(refused.exit_code, 2) << refused.output;
  ExpectMentions(refused.output,
                 {"stopped.json", "INCOMPLETE", "interrupted by SIGINT", "--allow-incomplete"});
  CommandResult allowed = RunBenchctl({"history", "add", "--db", db, "--allow-incomplete", file});
  EXPECT_EQ(allowed.exit_code, 0) << allowed.output;
}

TEST(HistoryCliTest, BadInputExitsTwoWithTheReason) {
  TempDir dir;
  std::string db = (dir / "h.sqlite").string();
  CommandResult missing = RunBenchctl({"history", "check", "--db", db});
  EXPECT_EQ(missing.exit_code, 2) << missing.output;
  ExpectMentions(missing.output, {"h.sqlite", "history add"});

  testing::WriteText(dir / "broken.json", "{\"run_id\": ");
  CommandResult broken =
      RunBenchctl({"history", "add", "--db", db, (dir / "broken.json").string()});
  EXPECT_EQ(broken.exit_code, 2) << broken.output;
  ExpectMentions(broken.output, {"broken.json"});

  ASSERT_EQ(RunBenchctl({"history", "add", "--db", db, WriteNight(dir, 1, 1000)}).exit_code, 0);
  CommandResult no_job = RunBenchctl({"history", "show", "--db", db, "no-such-job"});
  EXPECT_EQ(no_job.exit_code, 2) << no_job.output;
  ExpectMentions(no_job.output, {"no recorded job matching no-such-job"});
  {
    Database raw(db, false);
    raw.Exec("PRAGMA user_version = 7");
  }
  CommandResult future = RunBenchctl({"history", "list", "--db", db});
  EXPECT_EQ(future.exit_code, 2) << future.output;
  ExpectMentions(future.output, {"schema version 7 is newer"});
}

// Two benchctl processes adding different files to one new database at the same time: both
// runs' every night is present and SQLite finds the file intact.
TEST(HistoryCliTest, ConcurrentAddsNeverCorruptTheDatabase) {
  TempDir dir;
  std::string db = (dir / "h.sqlite").string();
  auto files = Nights(dir, 16, 99, 1);
  CommandResult results[2];
  auto adder = [&](int which) {
    // Each process adds its own half, one file per invocation, so the two interleave.
    for (std::size_t i = static_cast<std::size_t>(which); i < files.size(); i += 2) {
      CommandResult r = RunBenchctl({"history", "add", "--db", db, files[i]});
      if (r.exit_code != 0) {
        results[which] = r;
        return;
      }
    }
    results[which].exit_code = 0;
  };
  std::thread a(adder, 0), b(adder, 1);
  a.join();
  b.join();
  EXPECT_EQ(results[0].exit_code, 0) << results[0].output;
  EXPECT_EQ(results[1].exit_code, 0) << results[1].output;
  Database raw(db, false);
  Statement integrity = raw.Prepare("PRAGMA integrity_check");
  ASSERT_TRUE(integrity.Step());
  EXPECT_EQ(integrity.Text(0), "ok");
  Statement count = raw.Prepare("SELECT count(*) FROM runs");
  ASSERT_TRUE(count.Step());
  EXPECT_EQ(count.Int(0), 16);
}

}  // namespace
}  // namespace benchctl

namespace benchctl {
namespace {

TEST(HistoryCliTest, ShowHtmlDrawsEachRunAndMarksTheStep) {
  TempDir dir;
  std::string db = (dir / "h.sqlite").string();
  CommandResult added = RunBenchctl(Args({"history", "add", "--db", db}, Nights(dir, 10, 6, 1.10)));
  ASSERT_EQ(added.exit_code, 0) << added.output;
  const std::string html = (dir / "trend.html").string();
  CommandResult shown = RunBenchctl({"history", "show", "rust-serde", "--db", db, "--html", html});
  ASSERT_EQ(shown.exit_code, 0) << shown.output;
  const std::string page = testing::ReadText(html);
  std::size_t points = 0;
  for (std::size_t at = page.find("class=\"estimate\""); at != std::string::npos;
       at = page.find("class=\"estimate\"", at + 1)) {
    ++points;
  }
  EXPECT_EQ(points, 10u);                                   // One point per run.
  EXPECT_NE(page.find("regression +"), std::string::npos);  // The step (about +10%), marked.
  EXPECT_NE(page.find("night-6"), std::string::npos);
  EXPECT_EQ(page.find("<script"), std::string::npos);
}

}  // namespace
}  // namespace benchctl
