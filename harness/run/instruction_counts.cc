#include "instruction_counts.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "mode_registry.h"

namespace benchctl {
namespace {

std::optional<std::uint64_t> FirstNumberAfter(std::string_view text, std::string_view prefix) {
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    if (line.starts_with(prefix)) {
      line.remove_prefix(prefix.size());
      while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
      std::uint64_t value = 0;
      auto [ptr, ec] = std::from_chars(line.data(), line.data() + line.size(), value);
      if (ec == std::errc{} && ptr != line.data()) return value;
    }
    at = end + 1;
  }
  return std::nullopt;
}

// A file name from a job id: "json/cpp-simdjson/parse-dom/twitter-1MB@base" has slashes.
std::string FileSafe(const std::string& id) {
  std::string out = id;
  for (char& ch : out) {
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-' && ch != '.') ch = '_';
  }
  return out;
}

}  // namespace

std::optional<std::uint64_t> ParseCallgrindTotal(std::string_view text) {
  if (auto totals = FirstNumberAfter(text, "totals:")) return totals;
  return FirstNumberAfter(text, "summary:");
}

RunRequest CallgrindRequest(const RunRequest& base, const JobSpec& job,
                            const CallgrindSettings& settings, const std::string& out_file) {
  RunRequest request = base;
  request.argv = {settings.valgrind, "--tool=callgrind", "--callgrind-out-file=" + out_file, "-q"};
  request.argv.insert(request.argv.end(), base.argv.begin(), base.argv.end());
  if (auto it = settings.language_env.find(job.language); it != settings.language_env.end()) {
    for (const auto& [name, value] : it->second) {
      std::string& current = request.env[name];
      current += current.empty() ? value : "," + value;
    }
  }
  return request;
}

std::filesystem::path CallgrindStem(const JobSpec& job, const CallgrindSettings& settings,
                                    int index) {
  // The pid keeps two runs that share a build folder from reading each other's files.
  return settings.out_dir / fmt::format("{}-{}-{}", getpid(), FileSafe(job.id), index);
}

CountedRun CountUnderCallgrind(const ExecutionMode& mode, const JobSpec& job,
                               const RunRequest& request, Executor& executor,
                               const std::filesystem::path& file) {
  std::filesystem::remove(file);  // A stale file must not pass for this run's count.
  RunOutcome outcome = executor.Run(request);
  ProcessRecord p = mode.Interpret(job, outcome);
  CountedRun run;
  if (outcome.interrupted) {
    run.failure = "interrupted";
  } else if (!p.ok) {
    run.failure = "under callgrind: " + p.failure;
  } else {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    auto total = ParseCallgrindTotal(text.str());
    if (!total) {
      run.failure = fmt::format("callgrind wrote no instruction total to {}", file.string());
    } else {
      run.total = *total;
    }
  }
  std::filesystem::remove(file);
  return run;
}

std::int64_t ExtraIterations(double ns_per_op, const CallgrindSettings& settings) {
  constexpr double kMaxExtra = 1e6;  // A bound for a 0 ns (or absurdly fast) operation.
  if (!(ns_per_op > 0)) return settings.min_extra;  // No timing to go by.
  double wanted = std::ceil(settings.target_ns / ns_per_op);
  return std::max(settings.min_extra, static_cast<std::int64_t>(std::min(wanted, kMaxExtra)));
}

InstructionRecord MeasureInstructions(const JobSpec& job, const RunRequest& base,
                                      Executor& executor, const CallgrindSettings& settings,
                                      int index, std::int64_t extra) {
  return BuiltinModes().Find(job.mode).MeasureInstructions(job, base, executor, settings, index,
                                                           extra);
}

}  // namespace benchctl
