// Helpers shared by the tests that start benchctl or need scratch files.
#pragma once

#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "subprocess.h"

namespace benchctl::testing {

namespace fs = std::filesystem;

// Checks that `message` contains each of `parts`, naming what is missing.
inline void ExpectMentions(const std::string& message, const std::vector<std::string>& parts) {
  EXPECT_FALSE(message.empty()) << "no error";
  for (const auto& part : parts) {
    EXPECT_NE(message.find(part), std::string::npos) << "'" << part << "' not in: " << message;
  }
}

// A finished command: not timed out, `exit_code`, and every one of `parts` in its output
// (which the failure shows).
inline void ExpectOutput(const CommandResult& r, int exit_code,
                         const std::vector<std::string>& parts) {
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, exit_code) << r.output;
  for (const auto& part : parts) {
    EXPECT_NE(r.output.find(part), std::string::npos) << "'" << part << "' not in:\n" << r.output;
  }
}

// A fresh directory under $TMPDIR (or /tmp), removed with everything in it.
class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern =
        std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/benchctl-test-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

// The source tree, the built CLI and the test data folder.
inline fs::path SourceDir() { return BENCHCTL_SOURCE_DIR; }
inline fs::path DataDir() { return BENCHCTL_TEST_DATA; }
inline fs::path FaultWorkloads() { return SourceDir() / "tests" / "fault_workloads"; }

// Writes `text` to `path`, creating parent folders.
inline void WriteText(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

// The whole file, or "" if it cannot be read.
inline std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Runs the built benchctl with `args` (stdout and stderr merged).
inline CommandResult RunBenchctl(const std::vector<std::string>& args,
                                 const std::map<std::string, std::string>& env = {},
                                 std::chrono::seconds timeout = std::chrono::seconds(240)) {
  SpawnSpec spec;
  spec.argv = {BENCHCTL_BINARY};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.env = env;
  return RunCommand(spec, timeout);
}

// `run --suite selftest` over the fault workloads, built in the repository's build cache.
inline CommandResult RunSelftest(const std::vector<std::string>& extra) {
  std::vector<std::string> args = {
      "run",    "--suite",           "selftest", "--workloads", FaultWorkloads().string(),
      "--root", SourceDir().string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return RunBenchctl(args);
}

// True while `pid` exists and is not a zombie (a killed orphan may stay a
// zombie if the container's init does not reap it: it runs no code).
inline bool ProcessAlive(pid_t pid) {
  if (kill(pid, 0) != 0) return false;
  std::string stat = ReadText("/proc/" + std::to_string(pid) + "/stat");
  std::size_t paren = stat.rfind(')');
  if (paren == std::string::npos || paren + 2 >= stat.size()) return false;
  char state = stat[paren + 2];
  return state != 'Z' && state != 'X';
}

// Pids announced by the fault workloads: files "<tag>.<pid>" in `dir`.
inline std::vector<pid_t> AnnouncedPids(const fs::path& dir, const std::string& tag) {
  std::vector<pid_t> pids;
  if (!fs::is_directory(dir)) return pids;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(tag + ".", 0) == 0) pids.push_back(std::stoi(name.substr(tag.size() + 1)));
  }
  return pids;
}

// Waits (generously; this is a hang guard, not a timing check) until `pid` is gone.
inline bool WaitUntilGone(pid_t pid, std::chrono::seconds limit = std::chrono::seconds(10)) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (ProcessAlive(pid)) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

}  // namespace benchctl::testing
