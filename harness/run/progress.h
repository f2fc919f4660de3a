// The progress display of a run: one updating line on a terminal (done/total, elapsed time,
// an ETA), a line per finished job otherwise (CI logs).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "runner.h"

namespace benchctl {

// Seconds on a monotonic clock; a test passes a fake one.
using SecondsClock = std::function<double()>;
double SteadySeconds();

// "42s", "3m07s", "1h02m": a duration rounded to what a reader needs.
std::string FormatDuration(double seconds);

// The time left if every remaining process takes what the finished ones took on average:
// elapsed / done * (total - done). Warm-ups and builds before the first process are in
// `elapsed`, so an early estimate runs high. None before the first process finishes.
std::optional<double> EstimateRemaining(double elapsed, std::size_t done, std::size_t total);

// "[37/120] 1m12s elapsed, ETA 2m41s": where a run is.
std::string ProgressSummary(std::size_t done, std::size_t total, double elapsed);

// Prints progress on stderr.
class ProgressDisplay {
 public:
  // `processes_per_job` (the run's config.processes) tells when a job has finished.
  explicit ProgressDisplay(bool terminal, std::size_t processes_per_job = 0,
                           SecondsClock clock = SteadySeconds);
  // Called after every process.
  void Update(const Progress& p);
  // Called after every instruction count (run --instructions).
  void Counted(const JobResult& job, const InstructionRecord& count, std::size_t done,
               std::size_t total);
  // Ends the display (clears the terminal line).
  void Finish();

 private:
  bool terminal_;
  std::size_t processes_per_job_;
  SecondsClock clock_;
  double start_;
  std::size_t failures_ = 0;
};

}  // namespace benchctl
