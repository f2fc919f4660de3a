// The progress display of a run: one updating line on a terminal, a line per
// finished round otherwise (CI logs).
#pragma once

#include "runner.h"

namespace benchctl {

// Prints progress on stderr.
class ProgressDisplay {
 public:
  explicit ProgressDisplay(bool terminal) : terminal_(terminal) {}
  // Called after every process.
  void Update(const Progress& p);
  // Called after every instruction count (run --instructions).
  void Counted(const JobResult& job, const InstructionRecord& count, std::size_t done,
               std::size_t total);
  // Ends the display (clears the terminal line).
  void Finish();

 private:
  bool terminal_;
  int last_round_ = -1;
  std::size_t failures_ = 0;
};

}  // namespace benchctl
