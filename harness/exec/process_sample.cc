#include "process_sample.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace benchctl {
namespace {

// The number after `key` in a /proc/<pid>/status text ("VmRSS:\t  1234 kB"), or -1.
long StatusKb(const std::string& status, const std::string& key) {
  std::size_t at = status.find("\n" + key + ":");
  if (at == std::string::npos) return -1;
  return std::strtol(status.c_str() + at + key.size() + 2, nullptr, 10);
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::optional<ProcessSample> SampleProcess(pid_t pid) {
  if (pid <= 0) return std::nullopt;
  const std::string dir = "/proc/" + std::to_string(pid);
  const std::string status = "\n" + ReadAll(dir + "/status");
  const long rss = StatusKb(status, "VmRSS");
  if (rss < 0) return std::nullopt;  // Gone, or a zombie (no memory lines).
  // "pid (comm) state ppid ...": comm may hold spaces and ')'; utime and stime
  // are fields 14 and 15, the 12th and 13th after the state.
  const std::string stat = ReadAll(dir + "/stat");
  const std::size_t paren = stat.rfind(')');
  if (paren == std::string::npos) return std::nullopt;
  std::istringstream fields(stat.substr(paren + 1));
  std::string field;
  unsigned long long utime = 0, stime = 0;
  for (int i = 1; i <= 13 && fields >> field; ++i) {
    if (i == 12) utime = std::strtoull(field.c_str(), nullptr, 10);
    if (i == 13) stime = std::strtoull(field.c_str(), nullptr, 10);
  }
  const double tick = static_cast<double>(sysconf(_SC_CLK_TCK));
  ProcessSample sample;
  sample.rss_kb = rss;
  sample.peak_rss_kb = StatusKb(status, "VmHWM");
  sample.user_seconds = static_cast<double>(utime) / tick;
  sample.system_seconds = static_cast<double>(stime) / tick;
  return sample;
}

}  // namespace benchctl
