// `benchctl reproduce`'s reading of a result file (harness/cli/reproduce_options.h): every
// recorded option back into RunOptions, the files it refuses, and the input sha256 check.
#include "reproduce_options.h"

#include <gtest/gtest.h>

#include <string>

#include "error.h"
#include "test_support.h"

namespace benchctl {
namespace {

using nlohmann::json;
using testing::ExpectMentions;

// A json run as `run --suite json --lang cpp --impl cpp-simdjson --op parse-dom --shape
// twitter --size 64KB --input docs/mine.json --processes 7 ...` records it.
RunResult RecordedJsonRun() {
  RunResult run;
  RunConfig& c = run.config;
  c.suite = "json";
  c.languages = {"cpp"};
  c.impls = {"cpp-simdjson"};
  c.operations = {"parse-dom"};
  c.processes = 7;
  c.samples = 4;
  c.warmup = 3;
  c.min_sample_ms = 12.5;
  c.timeout_seconds = 99;
  c.seed = UINT64_MAX;
  c.input_seed = 42;
  c.quick = true;
  c.instructions = InstructionsConfig{2, "valgrind-3.19.0", json::object()};
  c.cpus = "1";
  c.extra["shapes"] = {"twitter"};
  c.extra["sizes"] = {"64KB"};
  c.extra["inputs"] = {"docs/mine.json"};
  c.extra["sum_to"] = json::array();
  c.extra["params"] = {{"depth", {"1", "2"}}};
  c.suite_details["inputs"] = {
      {{"name", "twitter-64KB"}, {"shape", "twitter"}, {"sha256", "aa"}, {"path", "/s/t.json"}},
      {{"name", "mine.json"}, {"shape", "user"}, {"sha256", "bb"}, {"path", "/home/u/mine.json"}}};
  return run;
}

std::string OptionsError(const RunResult& run) {
  try {
    OptionsFromResult(run, "r.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

std::string InputsError(const json& recorded, const json& prepared) {
  try {
    CheckInputsMatch(recorded, prepared, "r.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(ReproduceOptionsTest, EveryRecordedFieldBecomesItsOption) {
  RecordedRun r = OptionsFromResult(RecordedJsonRun(), "r.json");
  const RunOptions& o = r.options;
  EXPECT_EQ(o.suite, "json");
  EXPECT_EQ(o.languages, std::vector<std::string>{"cpp"});
  EXPECT_EQ(o.impls, std::vector<std::string>{"cpp-simdjson"});
  EXPECT_EQ(o.operations, std::vector<std::string>{"parse-dom"});
  EXPECT_EQ(o.processes, 7);
  EXPECT_EQ(o.samples, 4);
  EXPECT_EQ(o.warmup, 3);
  EXPECT_EQ(o.min_sample_ms, 12.5);
  EXPECT_EQ(o.timeout_seconds, 99);
  EXPECT_EQ(o.seed, UINT64_MAX);
  EXPECT_EQ(o.input_seed, 42u);
  EXPECT_TRUE(o.quick);
  EXPECT_EQ(o.instructions, 2);
  EXPECT_EQ(o.cpus, "1");
  EXPECT_TRUE(r.cpus_recorded);
  EXPECT_EQ(o.SuiteOptionValues("shape"), std::vector<std::string>{"twitter"});
  EXPECT_EQ(o.SuiteOptionValues("size"), std::vector<std::string>{"64KB"});
  // The user's document by the absolute path the run read, not as typed in another folder.
  EXPECT_EQ(o.SuiteOptionValues("input"), std::vector<std::string>{"/home/u/mine.json"});
  EXPECT_FALSE(o.suite_options.contains("sum-to"));  // Another suite's option.
  EXPECT_EQ(o.params, (GivenParams{{"depth", {"1", "2"}}}));
  EXPECT_EQ(r.against, "");
  EXPECT_TRUE(o.out.empty());
}

TEST(ReproduceOptionsTest, OlderFilesWithoutCpusChooseThemAutomatically) {
  RunResult run = RecordedJsonRun();
  run.config.cpus.reset();
  run.config.instructions.reset();
  RecordedRun r = OptionsFromResult(run, "r.json");
  EXPECT_FALSE(r.cpus_recorded);
  EXPECT_EQ(r.options.cpus, "");
  EXPECT_EQ(r.options.instructions, 0);
}

TEST(ReproduceOptionsTest, AShardIsReproducedAsThatShardAndAMergedFileAsTheWholePlan) {
  RunResult run = RecordedJsonRun();
  EXPECT_FALSE(OptionsFromResult(run, "r.json").options.shard.has_value());
  run.config.shard = ShardConfig{2, 3, 102, json::object()};
  EXPECT_EQ(OptionsFromResult(run, "r.json").options.shard, (ShardSpec{2, 3}));
  run.config.shard->index.reset();  // A merged file.
  EXPECT_FALSE(OptionsFromResult(run, "r.json").options.shard.has_value());
}

TEST(ReproduceOptionsTest, AnAbRunReproducesBothSidesAtTheRecordedCommit) {
  RunResult run = RecordedJsonRun();
  run.config.against = AgainstRevision{"HEAD~1", "0123abcd", json::object()};
  EXPECT_EQ(OptionsFromResult(run, "r.json").against, "0123abcd");
  run.config.against->commit = "";
  EXPECT_EQ(OptionsError(run),
            "r.json: config.against records an A/B run without the base's commit: this file "
            "cannot be reproduced");
}

TEST(ReproduceOptionsTest, RefusesFilesThatCannotBeReproduced) {
  RunResult run = RecordedJsonRun();
  run.config.suite.reset();
  EXPECT_EQ(OptionsError(run),
            "r.json: config.suite is not recorded: this file cannot be reproduced");
  run.config.suite = "xml";
  ExpectMentions(OptionsError(run), {"r.json: config.suite 'xml' is not a suite of this benchctl",
                                     "json", "startup", "cannot be reproduced"});
  run = RecordedJsonRun();
  run.config.processes = 0;
  EXPECT_EQ(OptionsError(run),
            "r.json: config.processes is not recorded: this file cannot be reproduced");
  run = RecordedJsonRun();
  run.config.samples = 0;
  ExpectMentions(OptionsError(run), {"config.samples is not recorded"});
  run = RecordedJsonRun();
  run.config.extra["params"] = {{"depth", {1}}};
  EXPECT_EQ(OptionsError(run),
            "r.json: not a benchctl result file: `config.params.depth[0]` has type number");
  run = RecordedJsonRun();
  run.config.extra["shapes"] = "twitter";
  ExpectMentions(OptionsError(run), {"`config.shapes` has type string"});
  run = RecordedJsonRun();
  run.config.extra["inputs"] = {"a.json", "b.json"};
  EXPECT_EQ(OptionsError(run),
            "r.json: config.inputs lists 2 files but config.suite_details.inputs has 1 user "
            "documents: this file cannot be reproduced");
}

TEST(ReproduceOptionsTest, ANameFromTheFileIsEscaped) {
  RunResult run = RecordedJsonRun();
  run.config.suite = "x\x1b[2J";
  std::string message = OptionsError(run);
  EXPECT_EQ(message.find('\x1b'), std::string::npos) << message;
}

const json kRecordedInputs = {
    {"inputs",
     {{{"name", "twitter-64KB"}, {"sha256", "aa"}}, {{"name", "mine.json"}, {"sha256", "bb"}}}}};

TEST(ReproduceOptionsTest, InputsWithTheRecordedHashesPass) {
  json prepared = {{"inputs",
                    {{{"name", "mine.json"}, {"sha256", "bb"}, {"path", "/elsewhere"}},
                     {{"name", "twitter-64KB"}, {"sha256", "aa"}}}}};
  EXPECT_EQ(InputsError(kRecordedInputs, prepared), "");
  EXPECT_EQ(InputsError(json::object(), json::object()), "");  // A suite without inputs.
}

TEST(ReproduceOptionsTest, AChangedInputIsAnErrorNamingItAndBothHashes) {
  json prepared = {
      {"inputs",
       {{{"name", "twitter-64KB"}, {"sha256", "aa"}}, {{"name", "mine.json"}, {"sha256", "cc"}}}}};
  EXPECT_EQ(InputsError(kRecordedInputs, prepared),
            "r.json: input 'mine.json' has sha256 cc now but bb was recorded: the document is "
            "not the one measured (a changed --input file: restore it; a generated one: this "
            "benchctl's generator differs from the one that wrote the file); start a new run "
            "with `benchctl run` instead");
}

TEST(ReproduceOptionsTest, AMissingOrAnExtraInputIsAnError) {
  json fewer = {{"inputs", {{{"name", "twitter-64KB"}, {"sha256", "aa"}}}}};
  ExpectMentions(InputsError(kRecordedInputs, fewer),
                 {"r.json: input 'mine.json' was recorded but is not among the inputs prepared"});
  json more = kRecordedInputs;
  more["inputs"].push_back({{"name", "canada-64KB"}, {"sha256", "dd"}});
  ExpectMentions(InputsError(kRecordedInputs, more),
                 {"r.json: input 'canada-64KB' is prepared now but was not recorded"});
}

TEST(ReproduceOptionsTest, AMalformedRecordedInputListNamesTheKey) {
  EXPECT_EQ(InputsError({{"inputs", "x"}}, json::object()),
            "r.json: not a benchctl result file: `config.suite_details.inputs` has type string");
  EXPECT_EQ(InputsError({{"inputs", {{{"name", "a"}}}}}, json::object()),
            "r.json: not a benchctl result file: `config.suite_details.inputs[0].sha256` is "
            "missing");
  EXPECT_EQ(InputsError({{"inputs", {1}}}, json::object()),
            "r.json: not a benchctl result file: `config.suite_details.inputs[0]` is not a JSON "
            "object");
}

}  // namespace
}  // namespace benchctl
