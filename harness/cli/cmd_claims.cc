// `benchctl claims [RESULT...]`: published claims (claims/*.json) evaluated against result
// files. Exit 0 whatever the verdicts; 2 on a bad claim file or an unreadable result file.
#include <fmt/format.h>

#include <memory>

#include "claim_eval.h"
#include "claim_render.h"
#include "commands.h"
#include "escape.h"
#include "result_file.h"

namespace benchctl {

namespace {

struct ClaimsArgs {
  std::vector<std::string> results;
  std::string claims_dir;
  bool markdown = false;
  ProjectOptions project;
};

}  // namespace

void RegisterClaims(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ClaimsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "claims", "Evaluate published claims (claims/*.json) against result files");
  cmd->add_option("results", args->results,
                  "Result files (none: every claim is listed as not measured, with the command "
                  "that measures it)");
  cmd->add_option("--claims", args->claims_dir, "Claims folder (default <root>/claims)");
  cmd->add_flag("--md", args->markdown, "Print the table as Markdown, for an article");
  cmd->add_option("--root", args->project.root, "The benchctl checkout (default: found from here)");
  cmd->callback([args, &exit_code]() {
    const std::filesystem::path dir = args->claims_dir.empty()
                                          ? ResolvePaths(args->project).root / "claims"
                                          : std::filesystem::path(args->claims_dir);
    std::vector<Claim> claims = LoadClaims(dir);
    std::vector<LoadedRun> runs;
    for (const std::string& file : args->results) {
      runs.push_back({file, LoadRunResult(file)});
    }
    std::vector<ClaimVerdict> verdicts = EvaluateClaims(claims, runs);
    fmt::print("{}", args->markdown ? RenderClaimsMarkdown(verdicts, args->results)
                                    : RenderClaimsText(verdicts, args->results));
    exit_code = kExitOk;
  });
}

}  // namespace benchctl
