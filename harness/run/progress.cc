#include "progress.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>

#include "units.h"

namespace benchctl {

double SteadySeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string FormatDuration(double seconds) {
  const long total = std::lround(std::max(0.0, seconds));
  if (total < 60) return fmt::format("{}s", total);
  if (total < 3600) return fmt::format("{}m{:02}s", total / 60, total % 60);
  return fmt::format("{}h{:02}m", total / 3600, total % 3600 / 60);
}

std::optional<double> EstimateRemaining(double elapsed, std::size_t done, std::size_t total) {
  if (done == 0) return std::nullopt;
  const std::size_t left = total > done ? total - done : 0;
  return elapsed / static_cast<double>(done) * static_cast<double>(left);
}

std::string ProgressSummary(std::size_t done, std::size_t total, double elapsed) {
  std::optional<double> left = EstimateRemaining(elapsed, done, total);
  return fmt::format("[{}/{}] {} elapsed, ETA {}", done, total, FormatDuration(elapsed),
                     left ? FormatDuration(*left) : "?");
}

ProgressDisplay::ProgressDisplay(bool terminal, std::size_t processes_per_job, SecondsClock clock)
    : terminal_(terminal),
      processes_per_job_(processes_per_job),
      clock_(std::move(clock)),
      start_(clock_()) {}

void ProgressDisplay::Update(const Progress& p) {
  const double elapsed = clock_() - start_;
  if (p.process && !p.process->ok) {
    ++failures_;
    fmt::print(stderr, "{}FAILED {}: {}\n", terminal_ ? "\r\033[K" : "", p.job->spec.id,
               p.process->failure);
  }
  if (terminal_) {
    fmt::print(stderr, "\r\033[K{} {} {}", ProgressSummary(p.done, p.total, elapsed),
               p.job->spec.id,
               p.process && p.process->ok ? FormatNanoseconds(p.process->median_ns) : "");
    std::fflush(stderr);
    return;
  }
  // Off a terminal, a line when a job has all its processes (a failed one stops at its first
  // failure, printed above).
  const bool finished = p.process && p.process->ok && processes_per_job_ > 0 &&
                        p.job->processes.size() == processes_per_job_;
  if (finished) {
    fmt::print(stderr, "{} done: {} ({} failures so far)\n",
               ProgressSummary(p.done, p.total, elapsed), p.job->spec.id, failures_);
  }
}

void ProgressDisplay::Counted(const JobResult& job, const InstructionRecord& count,
                              std::size_t done, std::size_t total) {
  if (!count.ok) {
    ++failures_;
    fmt::print(stderr, "{}FAILED {} (instruction count): {}\n", terminal_ ? "\r\033[K" : "",
               job.spec.id, count.failure);
  }
  if (terminal_) {
    fmt::print(stderr, "\r\033[K[{}/{} callgrind] {}", done, total, job.spec.id);
    std::fflush(stderr);
  } else if (done == 1 || done == total) {
    fmt::print(stderr, "instruction counts: {}/{} done, {} failures\n", done, total, failures_);
  }
}

void ProgressDisplay::Finish() {
  if (terminal_) fmt::print(stderr, "\r\033[K");
}

}  // namespace benchctl
