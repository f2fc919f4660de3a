// The history database (harness/history/): schema version, idempotent add, per-process values
// kept, trends with machine and toolchain changes marked, the accepted run.
#include "history_store.h"

#include <gtest/gtest.h>

#include "error.h"
#include "history_check.h"
#include "history_schema.h"
#include "run_fixtures.h"
#include "test_support.h"

namespace benchctl {
namespace {

using testing::ExpectMentions;
using testing::JobShape;
using testing::MakeJob;
using testing::MakeRun;
using testing::TempDir;

RunToAdd Nightly(int night, double time_ns) {
  RunResult run = MakeRun({MakeJob(JobShape{}, {time_ns, time_ns * 1.01, time_ns * 0.99})});
  run.run_id = "run-" + std::to_string(night);
  run.started_utc =
      "2026-01-" + std::string(night < 10 ? "0" : "") + std::to_string(night) + "T03:00:00Z";
  return RunToAdd{std::move(run), "night" + std::to_string(night) + ".json"};
}

TEST(HistoryStoreTest, AddingARunTwiceRecordsItOnce) {
  TempDir dir;
  auto db = OpenHistory(dir / "h.sqlite", true);
  auto first = AddRuns(*db, {Nightly(1, 1000), Nightly(2, 1000)});
  ASSERT_EQ(first.size(), 2u);
  EXPECT_TRUE(first[0].added);
  EXPECT_TRUE(first[1].added);
  auto again = AddRuns(*db, {Nightly(2, 1000), Nightly(3, 1000)});
  EXPECT_FALSE(again[0].added);
  EXPECT_TRUE(again[1].added);
  std::vector<RunRow> runs = ListRuns(*db);
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].run_id, "run-1");
  EXPECT_EQ(runs[2].run_id, "run-3");
  EXPECT_EQ(runs[0].jobs, 1);
  EXPECT_EQ(runs[0].hostname, "testhost");
  EXPECT_EQ(runs[0].git_commit, "0123456789abcdef");
}

TEST(HistoryStoreTest, KeepsEveryProcessValueOfEveryMetric) {
  TempDir dir;
  auto db = OpenHistory(dir / "h.sqlite", true);
  AddRuns(*db, {Nightly(1, 1000)});
  std::vector<RunRow> runs = ListRuns(*db);
  auto time = LoadSeries(*db, runs, "", "time_ns");
  ASSERT_EQ(time.size(), 1u);
  ASSERT_EQ(time[0].points.size(), 1u);
  EXPECT_EQ(time[0].points[0].values, (std::vector<double>{1000, 1010, 990}));
  EXPECT_EQ(time[0].points[0].better, "lower");
  auto rss = LoadSeries(*db, runs, "rust-serde", "peak_rss_kb");
  ASSERT_EQ(rss.size(), 1u);
  EXPECT_EQ(rss[0].points[0].values.size(), 3u);
  EXPECT_TRUE(LoadSeries(*db, runs, "no-such-job", "time_ns").empty());
}

TEST(HistoryStoreTest, ARunWithoutRunIdIsRefusedNamingTheFile) {
  TempDir dir;
  auto db = OpenHistory(dir / "h.sqlite", true);
  RunToAdd old = Nightly(1, 1000);
  old.run.run_id.clear();
  try {
    AddRuns(*db, {old});
    FAIL() << "no error";
  } catch (const Error& e) {
    ExpectMentions(e.what(), {"night1.json", "run_id"});
  }
  EXPECT_TRUE(ListRuns(*db).empty());
}

TEST(HistoryStoreTest, ADatabaseOfAFutureSchemaIsRefused) {
  TempDir dir;
  {
    auto db = OpenHistory(dir / "h.sqlite", true);
    db->Exec("PRAGMA user_version = 99");
  }
  try {
    OpenHistory(dir / "h.sqlite", false);
    FAIL() << "no error";
  } catch (const Error& e) {
    ExpectMentions(e.what(), {"h.sqlite", "99", "newer"});
  }
}

TEST(HistoryStoreTest, AnotherProgramsDatabaseIsRefused) {
  TempDir dir;
  {
    Database other(dir / "other.sqlite", true);
    other.Exec("CREATE TABLE notes (text TEXT)");
  }
  try {
    OpenHistory(dir / "other.sqlite", true);
    FAIL() << "no error";
  } catch (const Error& e) {
    ExpectMentions(e.what(), {"other.sqlite", "not a benchctl history"});
  }
}

TEST(HistoryStoreTest, AMissingDatabaseIsAnErrorWhenNotCreating) {
  TempDir dir;
  EXPECT_THROW(OpenHistory(dir / "none.sqlite", false), Error);
  EXPECT_FALSE(std::filesystem::exists(dir / "none.sqlite"));
}

TEST(HistoryStoreTest, AcceptingAnUnknownRunIsAnError) {
  TempDir dir;
  auto db = OpenHistory(dir / "h.sqlite", true);
  AddRuns(*db, {Nightly(1, 1000)});
  EXPECT_FALSE(AcceptedRun(*db));
  EXPECT_THROW(SetAcceptedRun(*db, "run-9"), Error);
  SetAcceptedRun(*db, "run-1");
  EXPECT_EQ(AcceptedRun(*db), "run-1");
}

TEST(HistoryStoreTest, TrendsMarkMachineAndToolchainChanges) {
  TempDir dir;
  auto db = OpenHistory(dir / "h.sqlite", true);
  RunToAdd moved = Nightly(2, 1000);
  moved.run.environment.system.extra["hostname"] = "otherhost";
  RunToAdd upgraded = Nightly(3, 1000);
  upgraded.run.environment.system.extra["hostname"] = "otherhost";
  upgraded.run.toolchains["rust"]["version"] = "rustc 1.91.0";
  AddRuns(*db, {Nightly(1, 1000), moved, upgraded});
  std::vector<RunRow> runs = ListRuns(*db);
  auto trends = BuildTrends(LoadSeries(*db, runs, "", "time_ns"), runs);
  ASSERT_EQ(trends.size(), 1u);
  ASSERT_EQ(trends[0].points.size(), 3u);
  EXPECT_EQ(trends[0].points[0].machine_change, "");
  EXPECT_EQ(trends[0].points[1].machine_change, "hostname testhost → otherhost");
  EXPECT_EQ(trends[0].points[1].toolchain_change, "");
  EXPECT_EQ(trends[0].points[2].machine_change, "");
  EXPECT_EQ(trends[0].points[2].toolchain_change, "rust rustc 1.90.0 → rustc 1.91.0");
  EXPECT_DOUBLE_EQ(trends[0].points[0].median, 1000);
  EXPECT_EQ(trends[0].better, "lower");
}

}  // namespace
}  // namespace benchctl
