// `benchctl merge A.json B.json ... --out ALL.json`: the shards of `run --shard I/N` as one
// result file (merge/merge_shards.h), claimed like a run's file: never over an existing one.
#include <fmt/format.h>

#include "commands.h"
#include "error.h"
#include "escape.h"
#include "merge_shards.h"
#include "result_file.h"
#include "run_files.h"

namespace benchctl {
namespace {

struct MergeArgs {
  std::vector<std::string> files;
  std::string out;
  MergeOptions options;
};

int Merge(const MergeArgs& args) {
  CheckResultPathUsable(args.out);
  std::vector<ShardFile> shards;
  for (const auto& file : args.files) shards.push_back(ShardFile{file, LoadRunResult(file)});
  MergeOutcome outcome = MergeShards(std::move(shards), args.options, NewRunId());
  for (const auto& warning : outcome.warnings) {
    fmt::print(stderr, "benchctl: warning: {}\n", warning.text);
  }
  RunResult& merged = outcome.merged;
  // The command that wrote this file is the merge; each shard's run command is kept in
  // config.shard.merged[].command.
  merged.config.command = InvocationCommand();
  ClaimResultPath(args.out, RunResultToJson(merged).dump(1));
  fmt::print("merged {} shard file(s) of {}: {} of {} jobs, run {} → {}\n", args.files.size(),
             merged.config.shard->count, merged.jobs.size(), merged.config.shard->jobs_total,
             merged.run_id, ForTerminal(args.out));
  if (!merged.complete) {
    fmt::print(stderr, "benchctl: the merged run is incomplete: {}\n",
               ForTerminal(merged.stop_reason));
  }
  // Like `run`: 1 when a job did not verify (the file is written either way).
  for (const auto& job : merged.jobs) {
    if (job.status != "ok") return kExitFailures;
  }
  return kExitOk;
}

}  // namespace

void RegisterMerge(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<MergeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "merge", "Join the result files of a sharded run (`run --shard I/N`) into one");
  cmd->add_option("files", args->files, "The shards' result files")->required();
  cmd->add_option("--out", args->out, "Merged result file; must not exist yet")->required();
  cmd->add_flag("--allow-missing-shards", args->options.allow_missing_shards,
                "Merge without some shards (the merged file is marked incomplete)");
  cmd->add_flag("--allow-mixed-machines", args->options.allow_mixed_machines,
                "Merge shards measured on different machines (recorded as a warning, with each "
                "shard's environment)");
  cmd->add_flag("--allow-incomplete", args->options.allow_incomplete,
                "Merge shards that stopped early (the merged file is marked incomplete)");
  cmd->callback([args, &exit_code]() { exit_code = Merge(*args); });
}

}  // namespace benchctl
