// Choosing CPUs for children and for benchctl (harness/exec/cpu_sets.h).
#include "cpu_sets.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "error.h"

namespace benchctl {
namespace {

using Cpus = std::vector<int>;

TEST(PlanCpusTest, OneCpuIsShared) {
  CpuPlan p = PlanCpus("", {0});
  EXPECT_EQ(p.children, Cpus{0});
  EXPECT_EQ(p.orchestrator, Cpus{0});
  EXPECT_TRUE(p.shared);
}

TEST(PlanCpusTest, TwoCpusSeparateBenchctlFromTheChildren) {
  CpuPlan p = PlanCpus("", {0, 1});
  EXPECT_EQ(p.children, Cpus{1});
  EXPECT_EQ(p.orchestrator, Cpus{0});
  EXPECT_FALSE(p.shared);
}

TEST(PlanCpusTest, FourCpusChildrenGetTheLast) {
  CpuPlan p = PlanCpus("", {0, 1, 2, 3});
  EXPECT_EQ(p.children, Cpus{3});
  EXPECT_EQ(p.orchestrator, (Cpus{0, 1, 2}));
  EXPECT_FALSE(p.shared);
}

TEST(PlanCpusTest, AllowedSetNeedNotStartAtZero) {
  CpuPlan p = PlanCpus("", {4, 6});
  EXPECT_EQ(p.children, Cpus{6});
  EXPECT_EQ(p.orchestrator, Cpus{4});
}

TEST(PlanCpusTest, RequestedCpus) {
  CpuPlan p = PlanCpus("2-3", {0, 1, 2, 3});
  EXPECT_EQ(p.children, (Cpus{2, 3}));
  EXPECT_EQ(p.orchestrator, (Cpus{0, 1}));
  EXPECT_FALSE(p.shared);
  CpuPlan all = PlanCpus("0-1", {0, 1});
  EXPECT_EQ(all.children, (Cpus{0, 1}));
  EXPECT_EQ(all.orchestrator, (Cpus{0, 1}));
  EXPECT_TRUE(all.shared);
}

TEST(PlanCpusTest, TwoCpuJobsTakeTheLastTwoAndShareWithBenchctlOnTwoCpus) {
  CpuPlan p = PlanCpus("", {0, 1}, CpuNeeds{2, 0});
  EXPECT_EQ(p.children, (Cpus{0, 1}));
  EXPECT_TRUE(p.load.empty());
  EXPECT_EQ(p.orchestrator, (Cpus{0, 1}));
  EXPECT_TRUE(p.shared);
  CpuPlan four = PlanCpus("", {0, 1, 2, 3}, CpuNeeds{2, 0});
  EXPECT_EQ(four.children, (Cpus{2, 3}));
  EXPECT_EQ(four.orchestrator, (Cpus{0, 1}));
  EXPECT_FALSE(four.shared);
}

TEST(PlanCpusTest, LoadGeneratorGetsTheCpusBeforeTheJobs) {
  CpuPlan p = PlanCpus("", {0, 1, 2, 3}, CpuNeeds{1, 2});
  EXPECT_EQ(p.children, Cpus{3});
  EXPECT_EQ(p.load, (Cpus{1, 2}));
  EXPECT_EQ(p.orchestrator, Cpus{0});
  EXPECT_FALSE(p.shared);
  CpuPlan two = PlanCpus("", {0, 1}, CpuNeeds{1, 1});
  EXPECT_EQ(two.children, Cpus{1});
  EXPECT_EQ(two.load, Cpus{0});
  EXPECT_TRUE(two.shared);
  CpuPlan requested = PlanCpus("0", {0, 1, 2}, CpuNeeds{1, 1});
  EXPECT_EQ(requested.children, Cpus{0});
  EXPECT_EQ(requested.load, Cpus{2});
  EXPECT_EQ(requested.orchestrator, Cpus{1});
}

TEST(PlanCpusTest, TwoJobCpusAndALoadGeneratorEachGetTheirOwn) {
  CpuPlan p = PlanCpus("", {0, 1, 2, 3}, CpuNeeds{2, 1});
  EXPECT_EQ(p.children, (Cpus{2, 3}));
  EXPECT_EQ(p.load, Cpus{1});
  EXPECT_EQ(p.orchestrator, Cpus{0});
  EXPECT_FALSE(p.shared);
  CpuPlan requested = PlanCpus("0-1", {0, 1, 2, 3}, CpuNeeds{2, 1});
  EXPECT_EQ(requested.children, (Cpus{0, 1}));
  EXPECT_EQ(requested.load, Cpus{3});
  EXPECT_EQ(requested.orchestrator, Cpus{2});
}

// The message of PlanCpus(request, allowed, needs, suite), or "" if it planned.
std::string PlanError(const std::string& request, const Cpus& allowed, CpuNeeds needs,
                      const std::string& suite) {
  try {
    PlanCpus(request, allowed, needs, suite);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(PlanCpusTest, TooFewCpusForTheSuiteNamesItsNeedsTheAllowedCpusAndTheRemedy) {
  EXPECT_EQ(PlanError("", {0}, CpuNeeds{1, 1}, ""),
            "this suite needs 2 CPUs (1 for each job, 1 for its load generator), and benchctl "
            "may use only 1 (0): run it on a machine (or a cpuset) with at least 2 CPUs");
  EXPECT_EQ(PlanError("1", {0, 1}, CpuNeeds{2, 1}, "spsc"),
            "suite spsc needs 3 CPUs (2 for each job, 1 for its load generator), and benchctl "
            "may use only 2 (0,1): run it on a machine (or a cpuset) with at least 3 CPUs");
  EXPECT_EQ(PlanError("1", {0, 1, 2}, CpuNeeds{2, 0}, "spsc"),
            "--cpus 1: suite spsc needs 2 CPUs (2 for each job), and --cpus names 1 for the "
            "jobs; name at least 2 of the allowed CPUs (0,1,2), or leave --cpus out to let "
            "benchctl choose");
  EXPECT_EQ(PlanError("1,1", {0, 1, 2}, CpuNeeds{2, 0}, "spsc").substr(0, 9), "--cpus 1,");
  EXPECT_EQ(PlanError("0-1", {0, 1}, CpuNeeds{1, 1}, "http"),
            "--cpus 0-1: suite http needs 2 CPUs (1 for each job, 1 for its load generator), and "
            "--cpus leaves 0 of the allowed CPUs (0,1) for the load generator; name fewer CPUs, "
            "or leave --cpus out to let benchctl choose");
  EXPECT_EQ(PlanError("", {0, 1, 2}, CpuNeeds{2, 1}, "spsc"), "");
}

TEST(PlanCpusTest, CpuOutsideTheAllowedSetListsTheAllowedOnes) {
  try {
    PlanCpus("1,5", {0, 1, 2, 3});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "--cpus: CPU 5 is not available; allowed CPUs: 0,1,2,3");
  }
}

TEST(ParseCpuListOptionTest, ListsAndRanges) {
  EXPECT_EQ(ParseCpuListOption("1"), Cpus{1});
  EXPECT_EQ(ParseCpuListOption("0-2,5"), (Cpus{0, 1, 2, 5}));
  EXPECT_EQ(ParseCpuListOption("3-3"), Cpus{3});
}

// A CPU named twice is one CPU: "1,1" must not count as the two a two-CPU job needs.
TEST(ParseCpuListOptionTest, EachCpuOnceAndSorted) {
  EXPECT_EQ(ParseCpuListOption("1,1"), Cpus{1});
  EXPECT_EQ(ParseCpuListOption("3,0-2,1"), (Cpus{0, 1, 2, 3}));
}

TEST(ParseCpuListOptionTest, BadSyntaxSaysWhatIsExpected) {
  for (const char* text : {"", "a", "1x", "3-1", "-1", "1-", "1,,2", "1-b"}) {
    SCOPED_TRACE(text);
    try {
      ParseCpuListOption(text);
      FAIL() << "accepted";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("expected a CPU list such as"), std::string::npos);
    }
  }
}

// Bug: the end of a range is read with std::stoi without checking that it used
// every character, so "1-2x" is accepted as 1-2 (harness/exec/cpu_sets.cc).
TEST(ParseCpuListOptionTest, TrailingGarbageAfterARangeIsRejected) {
  EXPECT_THROW(ParseCpuListOption("1-2x"), Error);
}

TEST(AllowedCpusTest, IsSortedAndNonEmpty) {
  Cpus cpus = AllowedCpus();
  ASSERT_FALSE(cpus.empty());
  EXPECT_TRUE(std::is_sorted(cpus.begin(), cpus.end()));
}

}  // namespace
}  // namespace benchctl
