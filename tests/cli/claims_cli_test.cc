// `benchctl claims`: exit statuses and error texts, run on the built binary.
#include <gtest/gtest.h>

#include "result_file.h"
#include "run_fixtures.h"
#include "test_support.h"

namespace benchctl {
namespace {

using testing::ExpectOutput;
using testing::RunBenchctl;
using testing::TempDir;
using testing::WriteText;

constexpr int kUsage = 2;

const char* kClaim = R"({"claims_version": 1, "source": {"title": "An article", "year": 2026},
  "claims": [{"id": "C1", "text": "Go parses 2x slower than Rust", "notes": "n",
    "ratio": {"metric": "time_ns",
      "numerator": {"suite": "json", "operation": "parse-dom", "impl": "go-stdlib"},
      "denominator": {"suite": "json", "operation": "parse-dom", "impl": "rust-serde"}},
    "test": {"between": [1.5, 2.5]}}]})";

// A result file with rust-serde at 1 µs and go-stdlib at 2 µs per parse.
std::string WriteRun(const TempDir& dir) {
  testing::JobShape go;
  go.impl = "go-stdlib";
  go.language = "go";
  RunResult run = testing::MakeRun({testing::MakeJob({}, testing::Times(1000, 10)),
                                    testing::MakeJob(go, testing::Times(2000, 10))});
  const std::string path = (dir / "run.json").string();
  WriteText(path, RunResultToJson(run).dump());
  return path;
}

TEST(ClaimsCliTest, EvaluatesAndExitsZero) {
  TempDir dir;
  WriteText(dir / "claims" / "c.json", kClaim);
  const std::string run = WriteRun(dir);
  ExpectOutput(RunBenchctl({"claims", "--claims", (dir / "claims").string(), run}), 0,
               {"1 claims: 1 hold", "C1", "holds", "2.00× [",
                "measure with: benchctl run --suite json --op parse-dom"});
  ExpectOutput(RunBenchctl({"claims", "--md", "--claims", (dir / "claims").string(), run}), 0,
               {"| Claim | Source | Measured [95% CI] | Test | Verdict | Measure with |",
                "| **C1** Go parses 2x slower than Rust |"});
}

TEST(ClaimsCliTest, NoResultFilesListsClaimsAsNotMeasured) {
  TempDir dir;
  WriteText(dir / "claims" / "c.json", kClaim);
  ExpectOutput(RunBenchctl({"claims", "--claims", (dir / "claims").string()}), 0,
               {"no result files", "not measured", "no json run in the given files"});
}

TEST(ClaimsCliTest, ShippedClaimsLoad) {
  ExpectOutput(RunBenchctl({"claims", "--root", testing::SourceDir().string()}), 0,
               {"C1 ", "C15b", "would be measured by"});
}

TEST(ClaimsCliTest, BadClaimFileIsAUsageErrorNamingTheKey) {
  TempDir dir;
  std::string bad = kClaim;
  bad.replace(bad.find("\"between\""), 9, "\"betwixt\"");
  WriteText(dir / "claims" / "c.json", bad);
  ExpectOutput(RunBenchctl({"claims", "--claims", (dir / "claims").string()}), kUsage,
               {"c.json", "claims[0].test.betwixt", "not a known key"});
}

TEST(ClaimsCliTest, UnreadableResultIsAUsageError) {
  TempDir dir;
  WriteText(dir / "claims" / "c.json", kClaim);
  WriteText(dir / "broken.json", "{\"schema_version\": 2, \"results\": [");
  ExpectOutput(RunBenchctl({"claims", "--claims", (dir / "claims").string(),
                            (dir / "broken.json").string()}),
               kUsage, {"broken.json"});
  ExpectOutput(RunBenchctl({"claims", "--claims", (dir / "claims").string(),
                            (dir / "absent.json").string()}),
               kUsage, {"absent.json"});
}

}  // namespace
}  // namespace benchctl
