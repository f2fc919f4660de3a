// What benchctl-exec (harness/exec/launcher/) writes on its report fd, read
// back: the child's pid, then its times, peak RSS, exit status and page faults.
#pragma once

#include <sys/types.h>

#include <string>

namespace benchctl {

struct LauncherReport {
  pid_t pid = -1;         // Its child's: announced after the fork, or in the rusage line.
  bool finished = false;  // The rusage line came (the launcher saw its child exit).
  long long wall_ns = 0, user_us = 0, sys_us = 0;
  long maxrss_kb = 0;
  int wait_status = 0;
  long minor_faults = -1, major_faults = -1;  // -1: a launcher that did not report them.
};

// Parses the complete lines of `text`; a line still being written is ignored.
LauncherReport ParseLauncherReport(const std::string& text);

}  // namespace benchctl
