// benchlib_core: the protocol core of the C++ workload library (workloads/PROTOCOL.md): the
// BENCHCTL_* settings, parameters, VmRSS, the one-line JSON messages and the pipe they go to.
//
// It has no timing loop, so a workload that does not time itself (a server benchctl drives
// from outside) can use it alone; benchlib.h adds the in-process loop on top.
#pragma once

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace benchlib {

// The protocol version this library speaks.
inline constexpr char kProtocolVersion[] = "1";

// A failure the workload reports through an `error` message (bad input, failed parse).
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The process was started wrongly (missing or malformed BENCHCTL_* variable): exit status 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Workload counters reported in the result message, name -> value.
using Counters = std::map<std::string, std::int64_t>;

// The BENCHCTL_* run settings.
struct Options {
  int fd = -1;
  std::int64_t warmup = 0;
  std::int64_t samples = 1;
  std::int64_t iterations = 0;  // 0: calibrate
  std::int64_t min_sample_ns = 0;
};

// Looks an environment variable up; nullptr when unset. Injectable so parsing is testable.
using EnvLookup = std::function<const char*(const char*)>;

// Parses a decimal integer in [min_value, INT64_MAX] from `text`; nullopt if malformed.
inline std::optional<std::int64_t> ParseInteger(std::string_view text, std::int64_t min_value) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value < min_value) return std::nullopt;
  return value;
}

// Reads the run settings through `env`; throws UsageError naming the offending variable.
inline Options ParseOptions(const EnvLookup& env) {
  const char* protocol = env("BENCHCTL_PROTOCOL");
  if (protocol == nullptr || std::string_view(protocol) != kProtocolVersion) {
    throw UsageError("BENCHCTL_PROTOCOL is " +
                     (protocol ? "'" + std::string(protocol) + "'" : std::string("unset")) +
                     ", this library speaks protocol " + kProtocolVersion);
  }
  const auto integer = [&env](const char* name, std::int64_t min_value) {
    const char* text = env(name);
    if (text == nullptr) throw UsageError(std::string(name) + " is unset");
    const std::optional<std::int64_t> value = ParseInteger(text, min_value);
    if (!value) {
      throw UsageError(std::string(name) + "='" + text +
                       "' is not an integer >= " + std::to_string(min_value));
    }
    return *value;
  };
  Options options;
  const std::int64_t fd = integer("BENCHCTL_FD", 0);
  if (fd > std::numeric_limits<int>::max()) throw UsageError("BENCHCTL_FD is out of range");
  options.fd = static_cast<int>(fd);
  options.warmup = integer("BENCHCTL_WARMUP", 0);
  options.samples = integer("BENCHCTL_SAMPLES", 1);
  options.iterations = integer("BENCHCTL_ITERATIONS", 0);
  options.min_sample_ns = integer("BENCHCTL_MIN_SAMPLE_NS", 0);
  return options;
}

// Reads a whole file; throws Error naming it.
inline std::string ReadFile(const std::string& path) {
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                             &std::fclose);
  if (!file) throw Error(path + ": cannot open: " + std::strerror(errno));
  std::string contents;
  std::error_code ignored;  // sizes are a hint only: /proc files report 0
  contents.reserve(static_cast<std::size_t>(std::filesystem::file_size(path, ignored)) + 1);
  char chunk[1 << 16];
  while (const std::size_t n = std::fread(chunk, 1, sizeof chunk, file.get())) {
    contents.append(chunk, n);
  }
  if (std::ferror(file.get())) throw Error(path + ": cannot read: " + std::strerror(errno));
  return contents;
}

// Writes `contents` to a file, replacing it; throws Error naming it.
inline void WriteFile(const std::string& path, std::string_view contents) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  out.close();
  if (!out) throw Error(path + ": cannot write: " + std::strerror(errno));
}

// Extracts VmRSS in kB from the text of /proc/self/status; nullopt if absent.
inline std::optional<std::int64_t> ParseVmRssKb(std::string_view status) {
  constexpr std::string_view kKey = "VmRSS:";
  for (std::size_t pos = 0; pos < status.size();) {
    std::size_t eol = status.find('\n', pos);
    if (eol == std::string_view::npos) eol = status.size();
    std::string_view line = status.substr(pos, eol - pos);
    pos = eol + 1;
    if (!line.starts_with(kKey)) continue;
    line.remove_prefix(kKey.size());
    line.remove_prefix(std::min(line.find_first_not_of(" \t"), line.size()));
    line = line.substr(0, line.find_first_of(" \t"));  // drop the " kB" unit
    return ParseInteger(line, 0);
  }
  return std::nullopt;
}

// The resident set size now (VmRSS), in kB; throws Error.
inline std::int64_t CurrentRssKb() {
  const std::optional<std::int64_t> rss = ParseVmRssKb(ReadFile("/proc/self/status"));
  if (!rss) throw Error("/proc/self/status has no VmRSS line");
  return *rss;
}

// The process's page faults so far (getrusage, every thread): the loop reads them around the
// timed samples, so a heap returned to the kernel and touched again shows per iteration.
struct PageFaults {
  std::int64_t minor = 0, major = 0;
};

inline PageFaults ReadPageFaults() {
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) != 0) throw Error("getrusage(RUSAGE_SELF) failed");
  return {usage.ru_minflt, usage.ru_majflt};
}

// Renders one protocol message as a line. Invalid UTF-8 (say, in a file name) is replaced
// rather than thrown, so reporting an error can never fail.
inline std::string MessageLine(nlohmann::json message) {
  message["schema"] = 1;
  return message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
}

// The `setup` message carrying the resident set size after setup.
inline std::string SetupMessage(std::int64_t rss_kb) {
  return MessageLine({{"type", "setup"}, {"rss_kb", rss_kb}});
}

// The measurements that go into a `result` message.
struct Measurement {
  std::int64_t iterations = 0;
  std::vector<std::int64_t> warmup_ns;
  std::vector<std::int64_t> samples_ns;
  std::int64_t mismatches = 0;
};

// The final `result` message.
inline std::string ResultMessage(const nlohmann::json& verification, const Measurement& m,
                                 const Counters& counters) {
  nlohmann::json message = {{"type", "result"},           {"verification", verification},
                            {"iterations", m.iterations}, {"warmup_ns", m.warmup_ns},
                            {"samples_ns", m.samples_ns}, {"mismatches", m.mismatches}};
  if (!counters.empty()) message["counters"] = counters;
  return MessageLine(std::move(message));
}

// The `error` message sent before exiting 1.
inline std::string ErrorMessage(std::string_view text) {
  return MessageLine({{"type", "error"}, {"message", text}});
}

// One workload process's link to benchctl: its settings, its parameters and the protocol pipe.
class Connection {
 public:
  // Reads the settings from the environment; throws UsageError.
  static Connection FromEnvironment() {
    Options options = ParseOptions([](const char* name) { return std::getenv(name); });
    if (fcntl(options.fd, F_GETFD) == -1) {
      throw UsageError("BENCHCTL_FD=" + std::to_string(options.fd) + " is not an open descriptor");
    }
    return Connection(options);
  }

  // Settings already read and checked (FromEnvironment, or a test's own pipe).
  explicit Connection(const Options& options) : options_(options) {}

  // The run settings.
  const Options& options() const { return options_; }

  // The parameter BENCHCTL_PARAM_<name> (name in upper case); throws Error if unset.
  std::string Param(std::string_view name) const {
    std::optional<std::string> value = OptionalParam(name);
    if (!value) throw Error("parameter BENCHCTL_PARAM_" + std::string(name) + " is unset");
    return *std::move(value);
  }

  // The parameter BENCHCTL_PARAM_<name>, or nullopt if unset.
  std::optional<std::string> OptionalParam(std::string_view name) const {
    const std::string variable = "BENCHCTL_PARAM_" + std::string(name);
    const char* value = std::getenv(variable.c_str());
    return value ? std::optional<std::string>(value) : std::nullopt;
  }

  // Writes one message line to the pipe; throws Error.
  void Send(const std::string& line) const {
    for (std::size_t written = 0; written < line.size();) {
      const ssize_t n = write(options_.fd, line.data() + written, line.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw Error(std::string("writing the protocol pipe: ") + std::strerror(errno));
      written += static_cast<std::size_t>(n);
    }
  }

  // Sends an `error` message, echoed on stderr for whoever reads the log (best effort: the
  // pipe may be the thing that failed).
  void SendError(std::string_view text) const noexcept {
    std::fprintf(stderr, "error: %.*s\n", static_cast<int>(text.size()), text.data());
    try {
      Send(ErrorMessage(text));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "benchlib: %s\n", e.what());
    }
  }

 private:
  Options options_;
};

// Prints why the process was started wrongly and how it should be, for the caller to exit 2.
inline void PrintUsage(const UsageError& e) {
  std::fprintf(stderr,
               "usage: run by benchctl with BENCHCTL_PROTOCOL=%s, BENCHCTL_FD, BENCHCTL_WARMUP, "
               "BENCHCTL_SAMPLES, BENCHCTL_ITERATIONS, BENCHCTL_MIN_SAMPLE_NS and "
               "BENCHCTL_PARAM_* set (workloads/PROTOCOL.md)\nerror: %s\n",
               kProtocolVersion, e.what());
}

}  // namespace benchlib
