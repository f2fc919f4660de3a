#include "launcher_report.h"

#include <cstdio>

namespace benchctl {

LauncherReport ParseLauncherReport(const std::string& text) {
  LauncherReport r;
  std::size_t at = 0;
  for (std::size_t end; (end = text.find('\n', at)) != std::string::npos; at = end + 1) {
    const std::string line = text.substr(at, end - at);
    long pid = 0;
    if (std::sscanf(line.c_str(), "pid %ld", &pid) == 1) {
      r.pid = static_cast<pid_t>(pid);
    } else if (std::sscanf(line.c_str(), "%lld %lld %lld %ld %d %ld %ld %ld", &r.wall_ns,
                           &r.user_us, &r.sys_us, &r.maxrss_kb, &r.wait_status, &pid,
                           &r.minor_faults, &r.major_faults) >= 6) {
      r.finished = true;
      r.pid = static_cast<pid_t>(pid);
    }
  }
  return r;
}

}  // namespace benchctl
