// Integration: the http suite through the real CLI in --quick mode — every server and the
// reference row verified and loaded by wrk; deliberately broken servers (tests/fault_workloads/
// http/) failing with the right reason; a port already in use refused; and after each run no
// server of ours left running or listening. Slow (builds five languages): labelled
// `integration`.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <set>

#include "listen_ports.h"
#include "plaintext_checks.h"
#include "process_watch.h"
#include "result_file.h"
#include "test_support.h"

namespace benchctl {
namespace {

using testing::FaultWorkloads;
using testing::RunBenchctl;
using testing::SourceDir;
using testing::TempDir;

RunResult RunHttp(const TempDir& tmp, const std::vector<std::string>& extra, int expected_exit,
                  const std::string& workloads = "") {
  const auto out = tmp / "http.json";
  std::vector<std::string> args = {"run",   "--suite",   "http", "--quick", "--processes",
                                   "1",     "--seed",    "5",    "--root",  SourceDir().string(),
                                   "--out", out.string()};
  if (!workloads.empty()) {
    args.insert(args.end(), {"--workloads", workloads, "--build-dir", (tmp / "build").string()});
  }
  args.insert(args.end(), extra.begin(), extra.end());
  CommandResult r = RunBenchctl(args, {}, std::chrono::seconds(2400));
  EXPECT_EQ(r.exit_code, expected_exit)
      << r.output.substr(r.output.size() > 6000 ? r.output.size() - 6000 : 0);
  return LoadRunResult(out);
}

// No process runs any of the run's server binaries, and none listens on a port it used.
void ExpectNoServerLeft(const RunResult& run) {
  for (const auto& job : run.jobs) {
    if (job.spec.argv.empty()) continue;
    auto left = testing::WaitUntilNoneMention(job.spec.argv[0]);
    EXPECT_TRUE(left.empty()) << job.spec.id << " left " << testing::DescribeProcesses(left);
  }
}

TEST(HttpIntegration, EveryServerAndTheReferenceAreVerifiedAndServeTheLoad) {
  TempDir tmp;
  RunResult run = RunHttp(tmp, {}, 0);
  EXPECT_TRUE(run.complete);
  std::set<std::string> impls, languages, references;
  for (const auto& job : run.jobs) {
    impls.insert(job.spec.impl);
    languages.insert(job.spec.language);
    if (job.spec.reference) references.insert(job.spec.impl);
    EXPECT_EQ(job.status, "ok") << job.spec.id << ": " << job.failure;
    EXPECT_EQ(job.spec.env.at("BENCHCTL_HTTP_HOST"), "127.0.0.1");
    EXPECT_EQ(job.spec.env.at("BENCHCTL_HTTP_THREADS"), "1");
    EXPECT_EQ(job.spec.load.at("connections"), 16) << job.spec.id;
    EXPECT_EQ(job.spec.load.at("depth"), job.spec.operation == "pipelined" ? 16 : 1);
    for (const auto& p : job.processes) {
      ASSERT_TRUE(p.ok) << job.spec.id << ": " << p.failure;
      EXPECT_EQ(p.verification, ExpectedPlaintextValue()) << job.spec.id;
      const auto& c = p.counters;
      EXPECT_GT(c.at("requests").get<double>(), 0) << job.spec.id;
      EXPECT_GT(p.minor_faults.value_or(0), 0) << job.spec.id;  // From wait4, every mode.
      EXPECT_EQ(c.at("errors").get<double>(), 0) << job.spec.id;
      EXPECT_EQ(c.at("server_threads"), 1) << job.spec.id;
      // The time per request is the interval over the responses wrk counted.
      EXPECT_NEAR(p.median_ns * c.at("requests_per_s").get<double>(), 1e9, 1e6) << job.spec.id;
      EXPECT_GE(c.at("server_timeline").size(), 5u) << job.spec.id;  // 1 s at 100 ms.
      EXPECT_GT(c.at("server_rss_load_kb").get<double>(), 0) << job.spec.id;
      EXPECT_GT(c.at("server_cpu_util").get<double>(), 0) << job.spec.id;
      // Latencies only without pipelining (SPEC.md).
      EXPECT_EQ(c.contains("latency_p99_ns"), job.spec.operation == "plaintext") << job.spec.id;
      if (job.spec.operation == "plaintext") {
        EXPECT_LE(c.at("latency_p50_ns"), c.at("latency_p99_ns")) << job.spec.id;
        EXPECT_LE(c.at("latency_p99_ns"), c.at("latency_max_ns")) << job.spec.id;
      }
    }
  }
  EXPECT_EQ(languages, (std::set<std::string>{"c", "cpp", "go", "rust", "zig"}));
  EXPECT_EQ(impls, (std::set<std::string>{"c-floor", "cpp-beast", "cpp-epoll", "go-fasthttp",
                                          "go-nethttp", "rust-actix", "rust-axum", "rust-hyper",
                                          "rust-may-minihttp", "zig-epoll", "zig-std"}));
  EXPECT_EQ(references, (std::set<std::string>{"c-floor"}));
  EXPECT_EQ(run.jobs.size(), 22u);
  EXPECT_EQ(run.environment.load_generator_cpus.size(), 1u);
  ExpectNoServerLeft(run);
}

TEST(HttpIntegration, BrokenServersFailWithTheReasonAndNoneIsLeft) {
  TempDir tmp;
  const auto pids = tmp / "pids";
  std::filesystem::create_directories(pids);
  setenv("BENCHCTL_FAULT_PIDDIR", pids.c_str(), 1);
  RunResult run =
      RunHttp(tmp, {"--op", "plaintext", "--timeout", "3"}, 1, (FaultWorkloads()).string());
  unsetenv("BENCHCTL_FAULT_PIDDIR");
  const std::map<std::string, std::string> reasons = {
      {"cpp-stale-date", "the Date header did not change"},
      {"cpp-old-date", "stale Date"},
      {"cpp-wrong-body", "wrong body: expected \"Hello, World!\", got \"Hello, World?\""},
      {"cpp-no-pipeline", "16 pipelined requests: only 1 of 16 responses arrived"},
      {"cpp-crash-under-load", "the server died during the"},
      {"cpp-503-under-load", "non-2xx/3xx responses"},
      {"cpp-never-ready", "the server was never ready"},
      {"cpp-wildcard", "listens on 0.0.0.0"},
      {"cpp-crash-on-garbage", "malformed request"},
  };
  std::set<std::string> seen;
  for (const auto& job : run.jobs) {
    if (job.spec.suite != "http") continue;
    seen.insert(job.spec.impl);
    auto reason = reasons.find(job.spec.impl);
    if (reason == reasons.end()) {
      // cpp-good, and cpp-ignores-term, which is killed after the grace period.
      EXPECT_EQ(job.status, "ok") << job.spec.id << ": " << job.failure;
      continue;
    }
    EXPECT_EQ(job.status, "failed") << job.spec.id;
    EXPECT_NE(job.failure.find(reason->second), std::string::npos)
        << job.spec.id << ": " << job.failure;
  }
  EXPECT_EQ(seen.size(), reasons.size() + 2);
  // Every server that started is gone, however it ended.
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(pids)) {
    ++files;
    const std::string name = entry.path().filename().string();
    const pid_t pid = std::stoi(name.substr(name.rfind('.') + 1));
    EXPECT_FALSE(kill(pid, 0) == 0 && testing::CommandLine(pid) != "") << name << " is alive";
  }
  EXPECT_EQ(files, static_cast<int>(seen.size()));
  ExpectNoServerLeft(run);
}

TEST(HttpIntegration, APortAlreadyInUseIsRefusedWithItsNumber) {
  TempDir tmp;
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(listen(fd, 1), 0);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  const int port = ntohs(addr.sin_port);
  RunResult run = RunHttp(
      tmp, {"--impl", "cpp-good", "--op", "plaintext", "--param", "port=" + std::to_string(port)},
      1, FaultWorkloads().string());
  close(fd);
  ASSERT_EQ(run.jobs.size(), 1u);
  EXPECT_EQ(run.jobs[0].status, "failed");
  EXPECT_NE(run.jobs[0].failure.find("port " + std::to_string(port) + " is already in use"),
            std::string::npos)
      << run.jobs[0].failure;
}

}  // namespace
}  // namespace benchctl
