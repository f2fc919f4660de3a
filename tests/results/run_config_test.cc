// The typed `config` block (harness/results/run_config.h): the keys result files have always
// had, lenient for what is missing, strict for wrong types, and nothing lost on a round trip.
#include "run_config.h"

#include <gtest/gtest.h>

#include <string>

#include "error.h"

namespace benchctl {
namespace {

using nlohmann::json;

RunConfig Read(const json& config) {
  return ReadRunConfig(ResultReader("r.json"), config, "config.");
}

std::string ReadError(const json& config) {
  try {
    Read(config);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

// A config as `benchctl run --suite json --instructions 1 --against HEAD` records it.
const char* kRecorded = R"({
  "against": {"commit": "a954391b057828012155bb77e1df6daaf13fbd79", "rev": "HEAD"},
  "impls": ["cpp-simdjson"], "input_seed": 1, "inputs": [],
  "instructions": {"extra_target_ns": 50000000.0, "language_env": {"go": {"GODEBUG": "x"}},
                   "measurements": 1, "method": "m", "min_extra_iterations": 10,
                   "tool": "callgrind", "valgrind": "/usr/bin/valgrind",
                   "valgrind_version": "valgrind-3.19.0"},
  "languages": [], "min_sample_ms": 1.0, "operations": [], "order": [[1, 0], [0, 1]],
  "processes": 2, "quick": false, "samples": 2, "seed": 18446744073709551615,
  "shapes": ["twitter"], "sizes": ["64KB"], "suite": "json",
  "suite_details": {"inputs": [{"name": "twitter-64KB"}]}, "timeout_seconds": 300.0,
  "warmup": 1})";

TEST(RunConfigTest, ReadsTheTypedKeysAndKeepsTheRest) {
  RunConfig c = Read(json::parse(kRecorded));
  EXPECT_EQ(c.suite, "json");
  EXPECT_EQ(c.seed, UINT64_MAX);
  EXPECT_EQ(c.processes, 2);
  EXPECT_EQ(c.min_sample_ms, 1.0);
  EXPECT_EQ(c.order, (std::vector<std::vector<std::size_t>>{{1, 0}, {0, 1}}));
  EXPECT_EQ(c.PlannedProcesses(), 4u);
  ASSERT_TRUE(c.instructions.has_value());
  EXPECT_EQ(c.instructions->measurements, 1);
  EXPECT_EQ(c.instructions->valgrind_version, "valgrind-3.19.0");
  EXPECT_EQ(c.instructions->extra["tool"], "callgrind");
  ASSERT_TRUE(c.against.has_value());
  EXPECT_EQ(c.against->rev, "HEAD");
  // A suite's own options are not the results stage's to interpret: kept as recorded.
  EXPECT_EQ(c.extra["shapes"], json({"twitter"}));
  EXPECT_EQ(json(c), json::parse(kRecorded));
  EXPECT_EQ(json(c).dump(1), json::parse(kRecorded).dump(1));  // Byte for byte.
}

TEST(RunConfigTest, WithoutCountsOrBaseInstructionsIsNullAndAgainstAbsent) {
  RunConfig c;
  c.suite = "startup";
  json j = c;
  EXPECT_TRUE(j.contains("instructions"));
  EXPECT_TRUE(j["instructions"].is_null());
  EXPECT_FALSE(j.contains("against"));
  EXPECT_EQ(Read(j), c);
}

TEST(RunConfigTest, CpusAndCommandRoundTripAndAreAbsentWhenNotRecorded) {
  RunConfig c;
  c.suite = "startup";
  c.cpus = "";  // Chosen automatically: recorded as "".
  c.command = {"benchctl", "run", "--suite", "startup"};
  json j = c;
  EXPECT_EQ(j["cpus"], "");
  EXPECT_EQ(j["command"], json({"benchctl", "run", "--suite", "startup"}));
  EXPECT_EQ(Read(j), c);
  RunConfig old = Read({{"suite", "startup"}});
  EXPECT_FALSE(old.cpus.has_value());
  EXPECT_TRUE(old.command.empty());
  EXPECT_FALSE(json(old).contains("cpus"));
  EXPECT_FALSE(json(old).contains("command"));
  EXPECT_EQ(ReadError({{"cpus", 1}}),
            "r.json: not a benchctl result file: `config.cpus` has type number");
  EXPECT_EQ(ReadError({{"command", {"benchctl", 2}}}),
            "r.json: not a benchctl result file: `config.command[1]` has type number");
}

TEST(RunConfigTest, MissingKeysReadAsDefaults) {
  RunConfig c = Read(json::object());
  EXPECT_FALSE(c.suite.has_value());
  EXPECT_EQ(c.seed, 0u);
  EXPECT_TRUE(c.order.empty());
  EXPECT_EQ(c.PlannedProcesses(), 0u);
  EXPECT_FALSE(c.instructions.has_value());
  EXPECT_FALSE(json(c).contains("suite"));
}

TEST(RunConfigTest, WrongTypesNameTheFileAndTheKey) {
  EXPECT_EQ(ReadError({{"order", {{0, 1}, {2, "x"}}}}),
            "r.json: not a benchctl result file: `config.order[1][1]` has type string");
  EXPECT_EQ(ReadError({{"order", {{-1}}}}),
            "r.json: not a benchctl result file: `config.order[0][0]` is out of range: -1 (must "
            "be from 0 to 18446744073709551615)");
  EXPECT_EQ(ReadError({{"quick", 1}}),
            "r.json: not a benchctl result file: `config.quick` has type number");
  EXPECT_EQ(ReadError({{"instructions", {{"valgrind_version", 3}}}}),
            "r.json: not a benchctl result file: `config.instructions.valgrind_version` has type "
            "number");
  EXPECT_EQ(ReadError({{"against", {{"rev", 3}}}}),
            "r.json: not a benchctl result file: `config.against.rev` has type number");
  EXPECT_EQ(ReadError({{"timeout_seconds", -1}}),
            "r.json: not a benchctl result file: `config.timeout_seconds` is out of range: -1 "
            "(must be a time in seconds from 0 to 1e9)");
  EXPECT_EQ(ReadError({{"suite_details", "x"}}),
            "r.json: not a benchctl result file: `config.suite_details` has type string");
}

}  // namespace
}  // namespace benchctl

namespace benchctl {
namespace {

TEST(RunConfigTest, ShardRoundTripsAndIsChecked) {
  RunConfig c;
  c.suite = "json";
  c.shard = ShardConfig{2, 3, 102, nlohmann::json::object()};
  nlohmann::json j = c;
  EXPECT_EQ(j["shard"], nlohmann::json::parse(R"({"index": 2, "count": 3, "jobs_total": 102})"));
  EXPECT_EQ(ReadRunConfig(ResultReader("r.json"), j, "config."), c);
  // A merged file's shard block has no index and keeps its other keys.
  c.shard = ShardConfig{std::nullopt, 3, 102, {{"merged", nlohmann::json::array()}}};
  EXPECT_EQ(ReadRunConfig(ResultReader("r.json"), nlohmann::json(c), "config."), c);
  EXPECT_FALSE(RunConfig{}.shard.has_value());
  EXPECT_FALSE(nlohmann::json(RunConfig{}).contains("shard"));
  for (const char* bad : {R"({"shard": {"index": 4, "count": 3, "jobs_total": 1}})",
                          R"({"shard": {"index": 0, "count": 3, "jobs_total": 1}})",
                          R"({"shard": {"count": 0, "jobs_total": 1}})",
                          R"({"shard": {"count": 2}})", R"({"shard": "1/2"})"}) {
    EXPECT_THROW(ReadRunConfig(ResultReader("r.json"), nlohmann::json::parse(bad), "config."),
                 Error)
        << bad;
  }
}

}  // namespace
}  // namespace benchctl
