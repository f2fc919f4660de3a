#include "instruction_counts.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "interpret.h"

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

struct CountedRun {
  std::uint64_t total = 0;
  std::string failure;
};

CountedRun RunCounted(const JobSpec& job, const RunRequest& base, Executor& executor,
                      const CallgrindSettings& settings, const std::filesystem::path& file,
                      std::int64_t timed_iterations) {
  std::filesystem::remove(file);  // A stale file must not pass for this run's count.
  RunOutcome outcome =
      executor.Run(CallgrindRequest(base, job, settings, file.string(), timed_iterations));
  ProcessRecord p = InterpretOutcome(job, outcome);
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

}  // namespace

std::optional<std::uint64_t> ParseCallgrindTotal(std::string_view text) {
  if (auto totals = FirstNumberAfter(text, "totals:")) return totals;
  return FirstNumberAfter(text, "summary:");
}

RunRequest CallgrindRequest(const RunRequest& base, const JobSpec& job,
                            const CallgrindSettings& settings, const std::string& out_file,
                            std::int64_t timed_iterations) {
  RunRequest request = base;
  request.argv = {settings.valgrind, "--tool=callgrind", "--callgrind-out-file=" + out_file, "-q"};
  request.argv.insert(request.argv.end(), base.argv.begin(), base.argv.end());
  if (job.mode == "inprocess") {
    request.env["BENCHCTL_WARMUP"] = "0";
    request.env["BENCHCTL_ITERATIONS"] = "1";
    request.env["BENCHCTL_SAMPLES"] = std::to_string(timed_iterations);
  }
  if (auto it = settings.language_env.find(job.language); it != settings.language_env.end()) {
    for (const auto& [name, value] : it->second) {
      std::string& current = request.env[name];
      current += current.empty() ? value : "," + value;
    }
  }
  return request;
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
  // The pid keeps two runs that share a build folder from reading each other's files.
  const std::filesystem::path stem =
      settings.out_dir / fmt::format("{}-{}-{}", getpid(), FileSafe(job.id), index);
  InstructionRecord record;
  if (job.mode != "inprocess") {
    CountedRun whole = RunCounted(job, base, executor, settings, stem.string() + ".out", 1);
    record.failure = whole.failure;
    record.long_total = whole.total;
    record.per_op = static_cast<double>(whole.total);
  } else {
    record.extra_iterations = extra;
    CountedRun short_run =
        RunCounted(job, base, executor, settings, stem.string() + "-short.out", 1);
    CountedRun long_run = short_run.failure.empty()
                              ? RunCounted(job, base, executor, settings,
                                           stem.string() + "-long.out", 1 + record.extra_iterations)
                              : CountedRun{};
    record.failure = !short_run.failure.empty() ? short_run.failure : long_run.failure;
    record.short_total = short_run.total;
    record.long_total = long_run.total;
    if (record.failure.empty()) {
      if (long_run.total <= short_run.total) {
        record.failure =
            fmt::format("{} more timed iterations did not execute more instructions ({} vs {})",
                        record.extra_iterations, long_run.total, short_run.total);
      } else {
        record.per_op = static_cast<double>(long_run.total - short_run.total) /
                        static_cast<double>(record.extra_iterations);
      }
    }
  }
  record.ok = record.failure.empty();
  return record;
}

}  // namespace benchctl
