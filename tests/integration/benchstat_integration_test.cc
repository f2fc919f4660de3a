// The real benchstat (golang.org/x/perf, pinned by scripts/install-benchstat.sh) reads what
// `benchctl export --format benchstat` writes: two exported runs compare without errors and
// every benchmark appears. Skipped when .tools/bin/benchstat is not installed.
#include <gtest/gtest.h>

#include "result_file.h"
#include "run_fixtures.h"
#include "subprocess.h"
#include "test_support.h"

namespace benchctl {
namespace {

using testing::JobShape;
using testing::MakeJob;
using testing::Times;

RunResult ScaledRun(double scale) {
  JobShape serde, go, startup;
  go.impl = "go-std";
  go.language = "go";
  startup.suite = "startup";
  startup.operation = "startup";
  startup.impl = "zig-std";
  startup.language = "zig";
  startup.input = "";
  startup.mode = "process";
  return testing::MakeRun({MakeJob(serde, Times(2e6 * scale, 10)), MakeJob(go, Times(3e6, 10)),
                           MakeJob(startup, Times(4e5, 10))});
}

TEST(BenchstatIntegrationTest, ReadsTwoExportedRuns) {
  std::filesystem::path benchstat = testing::SourceDir() / ".tools" / "bin" / "benchstat";
  if (!std::filesystem::exists(benchstat)) {
    GTEST_SKIP() << benchstat << " is not installed: run scripts/install-benchstat.sh";
  }
  testing::TempDir dir;
  for (auto [name, scale] : {std::pair{"a", 1.0}, std::pair{"b", 1.2}}) {
    WriteFileAtomically(dir / (std::string(name) + ".json"),
                        RunResultToJson(ScaledRun(scale)).dump());
    CommandResult r =
        testing::RunBenchctl({"export", (dir / (std::string(name) + ".json")).string(), "--format",
                              "benchstat", "--out", (dir / (std::string(name) + ".txt")).string()});
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  SpawnSpec spec;
  spec.argv = {benchstat.string(), (dir / "a.txt").string(), (dir / "b.txt").string()};
  CommandResult r = RunCommand(spec, std::chrono::seconds(60));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  // benchstat drops the "Benchmark" prefix when it prints names.
  for (const char* name :
       {"Json/op=parse-dom/impl=rust-serde/input=twitter-1MB-1",
        "Json/op=parse-dom/impl=go-std/input=twitter-1MB-1", "Startup/op=startup/impl=zig-std-1"}) {
    EXPECT_NE(r.output.find(name), std::string::npos) << name << " not in:\n" << r.output;
  }
  EXPECT_NE(r.output.find("peak-RSS-bytes"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("+20."), std::string::npos) << "the 20% slowdown:\n" << r.output;
}

}  // namespace
}  // namespace benchctl
