#include "progress.h"

#include <fmt/format.h>

#include "units.h"

namespace benchctl {

void ProgressDisplay::Update(const Progress& p) {
  if (p.process && !p.process->ok) {
    ++failures_;
    fmt::print(stderr, "{}FAILED {}: {}\n", terminal_ ? "\r\033[K" : "", p.job->spec.id,
               p.process->failure);
  }
  if (terminal_) {
    fmt::print(stderr, "\r\033[K[{}/{}] {} {}", p.done, p.total, p.job->spec.id,
               p.process && p.process->ok ? FormatNanoseconds(p.process->median_ns) : "");
    std::fflush(stderr);
    return;
  }
  int round = p.process ? p.process->round : 0;
  if (round != last_round_) {
    last_round_ = round;
    fmt::print(stderr, "round {} started ({}/{} processes done, {} failures)\n", round + 1, p.done,
               p.total, failures_);
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
