// A published claim as data (claims/*.json at the repository root): what it says, where it
// was said, which jobs and metric of benchctl's result files measure it, and the test its
// measured value must pass. Loaded strictly, like workload manifests: an unknown key, a wrong
// type or a missing field is a benchctl::Error naming the file and the key.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace benchctl {

// The claim files' format version (key `claims_version`).
inline constexpr long kClaimsVersion = 1;

// Where a claim was published.
struct ClaimSource {
  std::string title;
  std::string url;  // "" when the source has none.
  long year = 0;
};

// Which job of the loaded result files one side of a claim reads.
struct JobSelector {
  std::string suite, operation;
  std::string input;                          // "" = any input (must then be unambiguous).
  std::map<std::string, std::string> params;  // Each must equal the job's parameter.
  std::string impl;                           // One implementation, or
  std::string fastest_of_language;            // the fastest (median time) of a language.
  std::vector<std::string> run_args;          // Extra `benchctl run` arguments (--shape ...).
};

// How the claim's value is measured.
enum class MeasureKind {
  kRatio,       // metric(numerator) / metric(denominator).
  kValue,       // metric(of).
  kUnmeasured,  // benchctl has nothing that measures it; `needs` says what would.
};

// The test the measured value (its whole interval) must pass.
struct ClaimTest {
  enum class Kind { kBetween, kBelow, kAbove };
  Kind kind = Kind::kBetween;
  double low = 0;   // kBetween, kAbove.
  double high = 0;  // kBetween, kBelow.
};

struct Claim {
  std::string id;     // "C1", "C10a": unique over all claim files.
  std::string text;   // The claim in the source's words (paraphrased).
  std::string notes;  // How benchctl's measurement differs from the claim's setting.
  ClaimSource source;
  std::string file;  // The claim file, for messages.
  MeasureKind kind = MeasureKind::kUnmeasured;
  // Metric name: "time_ns", "items_per_s", "throughput_mb_s" (both derived from time as
  // `show` does), "binary_size_bytes" (the artifact's size), or any metric a job stores.
  std::string metric;
  JobSelector numerator;    // kRatio.
  JobSelector denominator;  // kRatio.
  JobSelector of;           // kValue.
  std::string needs;        // kUnmeasured: which suite/operation would measure it.
  ClaimTest test;
};

// The claims of one file. Throws benchctl::Error naming the file and key on any problem.
std::vector<Claim> LoadClaimFile(const std::filesystem::path& path);

// Every claims/*.json file of `dir` in name order; ids must be unique across them. A missing
// folder is an Error that says where claims are expected.
std::vector<Claim> LoadClaims(const std::filesystem::path& dir);

// A value of `metric` for reading: "1.76×" for a ratio, "812 µs", "2.1 MiB", "3.30M/s".
std::string FormatClaimValue(double value, const std::string& metric, bool ratio);

// "between 1.5 and 2", "below 1 ms": the test in words, values formatted for `metric` (a
// ratio when `ratio`).
std::string DescribeTest(const ClaimTest& test, const std::string& metric, bool ratio);

}  // namespace benchctl
