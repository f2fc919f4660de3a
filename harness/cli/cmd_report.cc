// `benchctl report FILE [NEW_FILE] --html OUT.html --md OUT.md`: a result file (or a base and a
// new one) as a self-contained HTML page and/or Markdown with SVG charts (harness/report/).
#include <fmt/format.h>

#include <filesystem>

#include "atomic_file.h"
#include "commands.h"
#include "error.h"
#include "escape.h"
#include "report_builder.h"
#include "report_claims.h"
#include "report_html.h"
#include "report_markdown.h"
#include "result_file.h"

namespace benchctl {
namespace {

namespace fs = std::filesystem;

struct ReportArgs {
  std::vector<std::string> files;
  std::string html, md;
  std::string claims_dir;  // Default <root>/claims.
  ProjectOptions project;
};

// Refuses, before any work, an output that cannot be written or would replace an input.
void CheckOutput(const std::string& option, const std::string& path,
                 const std::vector<std::string>& inputs) {
  if (path.empty()) return;
  const fs::path out(path);
  const fs::path folder = out.has_parent_path() ? out.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    throw Error(fmt::format("{} {}: the folder {} does not exist; create it or choose another path",
                            option, ForTerminal(path), ForTerminal(folder.string())));
  }
  if (fs::is_directory(out, ec)) {
    throw Error(fmt::format("{} {}: is a folder; give a file name", option, ForTerminal(path)));
  }
  for (const auto& input : inputs) {
    if (fs::exists(out, ec) && fs::equivalent(out, input, ec)) {
      throw Error(fmt::format("{} {}: is the result file being read; choose another name", option,
                              ForTerminal(path)));
    }
  }
}

// The claims folder: --claims, else the checkout's; none when no checkout is found (a report
// made outside one simply has no claims section).
std::optional<fs::path> ClaimsFolder(const ReportArgs& args) {
  if (!args.claims_dir.empty()) return fs::path(args.claims_dir);
  try {
    fs::path dir = ResolvePaths(args.project).root / "claims";
    if (fs::is_directory(dir)) return dir;
  } catch (const Error&) {
  }
  return std::nullopt;
}

ReportDocument Build(const ReportArgs& args) {
  ReportDocument doc;
  // Claims are checked against the run a reader cites: the only one, or the new one.
  LoadedRun cited{args.files.back(), LoadRunResult(args.files.back())};
  if (args.files.size() == 1) {
    doc = BuildRunReport(cited.run, cited.source);
  } else {
    RunResult base = LoadRunResult(args.files[0]);
    doc = BuildComparisonReport(base, args.files[0], cited.run, cited.source);
  }
  if (auto folder = ClaimsFolder(args)) {
    if (auto section = ClaimsSection(LoadClaims(*folder), {cited})) {
      InsertBeforeProvenance(doc, std::move(*section));
    }
  }
  return doc;
}

int Report(const ReportArgs& args) {
  if (args.html.empty() && args.md.empty()) {
    throw Error("report: nothing to write: give --html OUT.html, --md OUT.md or both");
  }
  CheckOutput("--html", args.html, args.files);
  CheckOutput("--md", args.md, args.files);
  ReportDocument doc;
  try {
    doc = Build(args);
  } catch (const nlohmann::json::exception& e) {
    // The builders read free-form parts leniently; an unexpected type left is the file's
    // problem, reported naming it, not a crash.
    throw Error(fmt::format("{}: unexpected content: {}", ForTerminal(args.files[0]),
                            ForTerminal(e.what())));
  }
  if (!args.html.empty()) {
    WriteFileAtomically(args.html, RenderHtml(doc));
    fmt::print("wrote {}\n", ForTerminal(args.html));
  }
  if (!args.md.empty()) {
    WriteMarkdownReport(doc, args.md);
    fmt::print("wrote {} and its charts in {}\n", ForTerminal(args.md),
               ForTerminal(ChartFolderFor(args.md).string()));
  }
  return kExitOk;
}

}  // namespace

void RegisterReport(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "report",
      "Write a result file as a self-contained HTML page and/or Markdown with SVG charts; with "
      "two files (base, new), the changes between them");
  cmd->add_option("files", args->files, "RESULT.json, or BASE.json NEW.json to compare")
      ->required()
      ->expected(1, 2);
  cmd->add_option("--html", args->html, "Write the HTML page here (one file, opens from disk)");
  cmd->add_option("--md", args->md,
                  "Write Markdown here, its charts as SVG files in OUT-files/ beside it");
  cmd->add_option("--claims", args->claims_dir,
                  "Claims folder (default <root>/claims); the claims this run measures get a "
                  "section");
  cmd->add_option("--root", args->project.root, "The benchctl checkout (default: found from here)");
  cmd->callback([args, &exit_code]() { exit_code = Report(*args); });
}

}  // namespace benchctl
