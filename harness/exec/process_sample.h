// A running process's memory and CPU time from /proc/<pid>: what a mode that
// keeps a child alive (a server under load) samples over time.
#pragma once

#include <sys/types.h>

#include <optional>

namespace benchctl {

// One look at a process.
struct ProcessSample {
  long rss_kb = 0;                              // Resident now (VmRSS).
  long peak_rss_kb = 0;                         // Resident at most so far (VmHWM).
  double user_seconds = 0, system_seconds = 0;  // CPU time so far (utime, stime).
};

// Reads /proc/<pid>/status and /proc/<pid>/stat; nullopt if the process is gone
// (a zombie has no memory left to report, so it counts as gone too).
std::optional<ProcessSample> SampleProcess(pid_t pid);

}  // namespace benchctl
