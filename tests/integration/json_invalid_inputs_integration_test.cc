// Every JSON implementation on invalid and edge-case documents: each must
// either reject with an `error` message naming the file, or agree with the
// harness's reference — never crash, hang or overflow its stack.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "error.h"
#include "executor.h"
#include "interpret.h"
#include "interrupt.h"
#include "json_reference.h"
#include "protocol.h"
#include "result_file.h"
#include "subprocess.h"

namespace benchctl {
namespace {

namespace fs = std::filesystem;

// Builds every json implementation (cached) and returns impl → binary.
std::map<std::string, std::string> JsonBinaries() {
  fs::path out = fs::temp_directory_path() / "benchctl-it-invalid-build.json";
  fs::remove(out);  // benchctl never replaces a result file.
  SpawnSpec spec;
  spec.argv = {BENCHCTL_BINARY, "run",  "--quick",   "--root",  BENCHCTL_SOURCE_DIR,
               "--suite",       "json", "--shape",   "twitter", "--size",
               "4KB",           "--op", "parse-dom", "--out",   out.string()};
  CommandResult r = RunCommand(spec, std::chrono::minutes(40));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  std::map<std::string, std::string> binaries;
  for (const auto& job : LoadRunResult(out).jobs) {
    binaries[job.spec.impl] = job.spec.artifact.value("binary", "");
  }
  return binaries;
}

TEST(JsonInvalidInputs, EveryImplementationRejectsOrAgrees) {
  auto binaries = JsonBinaries();
  ASSERT_EQ(binaries.size(), 12u);  // 3 C++, 5 Go, 3 Rust, 1 Zig.
  ProcessExecutor executor("", InterruptStopToken());
  fs::path dir = fs::path(BENCHCTL_TEST_DATA) / "invalid_json";
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string text;
    {
      std::ifstream in(entry.path(), std::ios::binary);
      text.assign(std::istreambuf_iterator<char>(in), {});
    }
    std::optional<nlohmann::json> reference;
    try {
      reference = ComputeJsonStats(text, entry.path().string()).ToDomJson();
    } catch (const Error&) {
      // The reference rejects it: every implementation must reject it too.
    }
    for (const auto& op : {"parse-dom", "serialize"}) {
      for (const auto& [impl, binary] : binaries) {
        std::string label = impl + " " + op + " " + entry.path().filename().string();
        RunRequest request;
        request.argv = {binary};
        request.timeout_seconds = 60;
        request.env = {
            {"BENCHCTL_PROTOCOL", "1"},
            {"BENCHCTL_FD", "3"},
            {"BENCHCTL_WARMUP", "0"},
            {"BENCHCTL_SAMPLES", "1"},
            {"BENCHCTL_ITERATIONS", "1"},
            {"BENCHCTL_MIN_SAMPLE_NS", "1"},
            {"BENCHCTL_PARAM_OP", op},
            {"BENCHCTL_PARAM_SHAPE", "user"},
            {"BENCHCTL_PARAM_INPUT", entry.path().string()},
            {"BENCHCTL_PARAM_OUTPUT", (fs::temp_directory_path() / "benchctl-inv.json").string()},
            {"GOMAXPROCS", "1"}};
        RunOutcome o = executor.Run(request);
        ASSERT_FALSE(o.timed_out) << label;
        ASSERT_EQ(o.term_signal, 0) << label << " crashed: " << o.stderr_tail;
        ProtocolReport report = ParseProtocol(o.protocol_lines);
        ASSERT_TRUE(report.violation.empty()) << label << ": " << report.violation;
        if (report.error_message) {
          EXPECT_EQ(o.exit_code, 1) << label;
          EXPECT_NE(report.error_message->find(entry.path().filename().string()), std::string::npos)
              << label << ": the error must name the file: " << *report.error_message;
          continue;
        }
        ASSERT_EQ(o.exit_code, 0) << label << ": " << o.stderr_tail;
        ASSERT_TRUE(reference.has_value()) << label << " accepted a document the reference rejects";
        ASSERT_TRUE(report.result.has_value()) << label;
        if (std::string(op) == "parse-dom") {
          EXPECT_EQ(report.result->verification, *reference) << label;
        }
      }
    }
  }
}

}  // namespace
}  // namespace benchctl
