// Run identity and isolation (harness/run/run_files.h, run_scratch.h,
// seed_option.h, json_inputs.h): unique ids and result names, files that are
// never replaced, per-run scratch folders, options refused rather than bent.
#include "run_files.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>

#include <set>

#include "error.h"
#include "json_inputs.h"
#include "run_plan.h"
#include "run_scratch.h"
#include "seed_option.h"
#include "test_support.h"

namespace benchctl {
namespace {

namespace fs = std::filesystem;
using testing::ExpectMentions;
using testing::ReadText;
using testing::TempDir;
using testing::WriteText;

std::string ErrorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(RunFiles, RunIdsAreLongHexAndDistinct) {
  std::set<std::string> ids;
  for (int i = 0; i < 100; ++i) ids.insert(NewRunId());
  EXPECT_EQ(ids.size(), 100u);
  const std::string& id = *ids.begin();
  EXPECT_EQ(id.size(), 24u);
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(RunFiles, CreateExclusivelyNeverReplaces) {
  TempDir tmp;
  EXPECT_TRUE(CreateFileExclusively(tmp / "r.json", "first"));
  EXPECT_FALSE(CreateFileExclusively(tmp / "r.json", "second"));
  EXPECT_EQ(ReadText(tmp / "r.json"), "first");
  // No temporary file is left behind either way.
  EXPECT_EQ(std::distance(fs::directory_iterator(tmp.path()), fs::directory_iterator()), 1);
}

TEST(RunFiles, DefaultNamesCountUpWhenTaken) {
  TempDir tmp;
  EXPECT_EQ(ClaimDefaultResultPath(tmp.path(), "stamp-json-host", "a"),
            tmp / "stamp-json-host.json");
  EXPECT_EQ(ClaimDefaultResultPath(tmp.path(), "stamp-json-host", "b"),
            tmp / "stamp-json-host-2.json");
  EXPECT_EQ(ClaimDefaultResultPath(tmp.path(), "stamp-json-host", "c"),
            tmp / "stamp-json-host-3.json");
  EXPECT_EQ(ReadText(tmp / "stamp-json-host.json"), "a");
  EXPECT_EQ(ReadText(tmp / "stamp-json-host-3.json"), "c");
}

TEST(RunFiles, AnExplicitOutIsNeverReplaced) {
  TempDir tmp;
  WriteText(tmp / "mine.json", "another run's file");
  ExpectMentions(ErrorOf([&] { ClaimResultPath(tmp / "mine.json", "x"); }),
                 {"mine.json", "already there", "never replaces"});
  ExpectMentions(ErrorOf([&] { CheckResultPathUsable(tmp / "mine.json"); }),
                 {"mine.json", "already there"});
  EXPECT_EQ(ReadText(tmp / "mine.json"), "another run's file");
}

TEST(RunFiles, AnOutUnderARegularFileIsRefusedUpFront) {
  TempDir tmp;
  WriteText(tmp / "file", "x");
  ExpectMentions(ErrorOf([&] { CheckResultPathUsable(tmp / "file" / "r.json"); }),
                 {"--out", "is not a folder"});
  EXPECT_EQ(ErrorOf([&] { CheckResultPathUsable(tmp / "new" / "r.json"); }), "");
  EXPECT_TRUE(fs::is_directory(tmp / "new"));
}

TEST(RunScratchTest, OwnedWhileAliveRemovedAfter) {
  TempDir tmp;
  fs::path dir;
  {
    RunScratch scratch(tmp.path(), "abc");
    dir = scratch.path();
    EXPECT_EQ(dir, tmp / "runs" / "abc");
    WriteText(dir / "outputs" / "x.json", "12345");
    // A live run's folder is not stale.
    EXPECT_EQ(RemoveStaleScratch(tmp.path()).entries, 0u);
    EXPECT_TRUE(fs::exists(dir / "outputs" / "x.json"));
  }
  EXPECT_FALSE(fs::exists(dir));
}

TEST(RunScratchTest, AKilledRunsFolderIsStale) {
  TempDir tmp;
  // What SIGKILL leaves: the folder and its lock file, with nobody holding the lock.
  WriteText(tmp / "runs" / "dead" / ".lock", "");
  WriteText(tmp / "runs" / "dead" / "inputs" / "big.json", std::string(1000, 'x'));
  Removed dry = RemoveStaleScratch(tmp.path(), /*dry_run=*/true);
  EXPECT_EQ(dry.entries, 1u);
  EXPECT_EQ(dry.bytes, 1000u);
  EXPECT_TRUE(fs::exists(tmp / "runs" / "dead"));
  Removed removed = RemoveStaleScratch(tmp.path());
  EXPECT_EQ(removed.entries, 1u);
  EXPECT_FALSE(fs::exists(tmp / "runs" / "dead"));
}

TEST(RunScratchTest, AFolderBeingCreatedIsNotStale) {
  TempDir tmp;
  fs::create_directories(tmp / "runs" / "new");  // Made, lock not yet created.
  EXPECT_EQ(RemoveStaleScratch(tmp.path()).entries, 0u);
}

TEST(SeedOption, TakesEveryUint64AndNothingElse) {
  EXPECT_EQ(ParseSeedOption("--seed", "0"), 0u);
  EXPECT_EQ(ParseSeedOption("--seed", "18446744073709551615"), UINT64_MAX);
  for (const char* bad : {"-1", "18446744073709551616", "99999999999999999999999", "1e3", "", " 5",
                          "5x", "+5", "0x10"}) {
    ExpectMentions(ErrorOf([&] { ParseSeedOption("--seed", bad); }),
                   {"--seed", "whole number from 0 to 18446744073709551615"});
  }
}

TEST(JsonInputs, SameBaseNamesGetTheirFolders) {
  TempDir tmp;
  WriteText(tmp / "d1" / "x.json", "1");
  WriteText(tmp / "d2" / "x.json", "2");
  WriteText(tmp / "d2" / "y.json", "3");
  auto names =
      DistinctInputNames({tmp / "d1" / "x.json", tmp / "d2" / "x.json", tmp / "d2" / "y.json"});
  EXPECT_EQ(names, (std::vector<std::string>{"d1/x.json", "d2/x.json", "y.json"}));
}

TEST(JsonInputs, TheSameFileTwiceIsRefused) {
  TempDir tmp;
  WriteText(tmp / "x.json", "1");
  ExpectMentions(ErrorOf([&] {
                   DistinctInputNames({tmp / "x.json", tmp / "." / "x.json"});
                 }),
                 {"given twice", "x.json"});
}

TEST(JsonInputs, UnusableUserFilesAreNamedWithTheReason) {
  TempDir tmp;
  WriteText(tmp / "empty.json", "");
  WriteText(tmp / "bad.json", "[1,");
  ExpectMentions(ErrorOf([&] { ReadUserInput(tmp.path(), "d"); }), {"--input", "is a folder"});
  ExpectMentions(ErrorOf([&] { ReadUserInput(tmp / "none.json", "n"); }),
                 {"none.json", "no such file"});
  ExpectMentions(ErrorOf([&] { ReadUserInput(tmp / "empty.json", "e"); }), {"empty.json", "empty"});
  ExpectMentions(ErrorOf([&] { ReadUserInput(tmp / "bad.json", "b"); }),
                 {"bad.json", "invalid JSON at byte"});
}

TEST(JsonInputs, SizesThatCannotBeHonouredAreRefused) {
  ExpectMentions(ErrorOf([] { CheckGeneratedSize("0KB", 0, 1ull << 34); }), {"--size 0KB"});
  ExpectMentions(ErrorOf([] { CheckGeneratedSize("99GB", 99'000'000'000ull, 24ull << 30); }),
                 {"--size 99GB", "available", "at most 3.0 GiB"});
  EXPECT_EQ(ErrorOf([] { CheckGeneratedSize("1GB", 1'000'000'000ull, 24ull << 30); }), "");
  TempDir tmp;
  // The smallest twitter document is about 1.5 KB: "twitter-1KB" would misstate it.
  ExpectMentions(ErrorOf([&] { GenerateInput(JsonShape::kTwitter, 1000, 1, tmp.path()); }),
                 {"--size 1KB", "twitter", "at least 16KB"});
  JsonInput ok = GenerateInput(JsonShape::kTwitter, 16000, 1, tmp.path());
  EXPECT_EQ(ok.info.name, "twitter-16KB");
  EXPECT_NEAR(static_cast<double>(ok.info.bytes), 16000.0, 16000.0 * kGeneratedSizeTolerance);
}

TEST(RunPlanTest, DuplicateJobIdsAreRefused) {
  std::vector<JobResult> jobs(2);
  jobs[0].spec.id = "json/a/parse-dom/x.json";
  jobs[1].spec.id = "json/a/parse-dom/x.json";
  ExpectMentions(ErrorOf([&] { CheckUniqueJobIds(jobs); }), {"json/a/parse-dom/x.json"});
  jobs[1].spec.id = "json/a/parse-dom/d2/x.json";
  EXPECT_EQ(ErrorOf([&] { CheckUniqueJobIds(jobs); }), "");
}

}  // namespace
}  // namespace benchctl
