// The in-process loop of the C++ workload library (workloads/lib/cpp/benchlib.h): its
// calibration step, with hand-computed values, and the timed-phase hooks, watched from the
// body and read back from the result line. The protocol core is benchlib_core_cpp_test.cc.
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <functional>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "benchlib.h"

namespace benchctl {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

TEST(BenchlibNextIterationsTest, FollowsTheProtocolFormula) {
  // max(n + 1, min(10 n, ceil(1.2 n target / elapsed)))
  EXPECT_EQ(benchlib::NextIterations(1, 500, 1000), 3);      // ceil(2.4) = 3.
  EXPECT_EQ(benchlib::NextIterations(10, 999, 1000), 13);    // ceil(12.012) = 13.
  EXPECT_EQ(benchlib::NextIterations(1, 1, 1000000), 10);    // Capped at 10 n.
  EXPECT_EQ(benchlib::NextIterations(100, 999, 1000), 121);  // ceil(120.12) = 121.
  EXPECT_EQ(benchlib::NextIterations(7, 900, 1000), 10);     // ceil(9.333) = 10.
}

TEST(BenchlibNextIterationsTest, ExactQuotientIsNotRoundedUp) {
  // 1.2 * 5 * 1000 / 600 = 10 exactly; a floating 1.2 would give 10.000000000000002 → 11.
  EXPECT_EQ(benchlib::NextIterations(5, 600, 1000), 10);
  EXPECT_EQ(benchlib::NextIterations(10, 1200, 1000), 11);  // 1.2*10*1000/1200 = 10 → n + 1.
}

TEST(BenchlibNextIterationsTest, AlwaysGrowsByAtLeastOne) {
  EXPECT_EQ(benchlib::NextIterations(4, 5000, 1000), 5);  // ceil(0.96) = 1 → n + 1.
}

TEST(BenchlibNextIterationsTest, ZeroElapsedTakesTheTenfoldStep) {
  EXPECT_EQ(benchlib::NextIterations(1, 0, 1000), 10);
  EXPECT_EQ(benchlib::NextIterations(3, 0, 1000), 30);
}

TEST(BenchlibNextIterationsTest, SaturatesInsteadOfOverflowing) {
  EXPECT_EQ(benchlib::NextIterations(kMax / 2, 1, kMax), kMax);
  EXPECT_EQ(benchlib::NextIterations(kMax, 1, 2), kMax);
}

// The lines a Session writes to a pipe while `run` uses it.
// `counters` without the loop's own timed_minor_faults and timed_major_faults, whose values
// depend on the machine (each must be there, as an integer).
nlohmann::json WithoutFaultCounters(nlohmann::json counters) {
  for (const char* name : {"timed_minor_faults", "timed_major_faults"}) {
    EXPECT_TRUE(counters.contains(name) && counters[name].is_number_integer()) << name;
    counters.erase(name);
  }
  return counters;
}

std::vector<nlohmann::json> MessagesOf(const benchlib::Options& settings,
                                       const std::function<void(benchlib::Session&)>& run) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  benchlib::Options options = settings;
  options.fd = fds[1];
  benchlib::Session session(options);
  run(session);
  close(fds[1]);
  std::string bytes;
  char chunk[4096];
  for (ssize_t n; (n = read(fds[0], chunk, sizeof chunk)) > 0;) bytes.append(chunk, n);
  close(fds[0]);
  std::vector<nlohmann::json> messages;
  std::istringstream lines(bytes);
  for (std::string line; std::getline(lines, line);) {
    messages.push_back(nlohmann::json::parse(line));
  }
  return messages;
}

// What the body and the hooks saw, call by call.
struct HookTrace {
  std::vector<bool> timing;  // session.timing() at each call of the body
  int before_at = -1;        // number of body calls when `before` ran
  int after_at = -1;
  int before_calls = 0;
  int after_calls = 0;
};

TEST(BenchlibTimedHooksTest, RunAroundExactlyTheTimedSamples) {
  benchlib::Options options;
  options.warmup = 2;
  options.samples = 3;
  options.iterations = 4;
  HookTrace trace;
  const auto messages = MessagesOf(options, [&](benchlib::Session& session) {
    session.Measure(
        [&] {
          trace.timing.push_back(session.timing());
          return 7;
        },
        [](int v) { return nlohmann::json(v); }, {},
        {.before =
             [&] {
               ++trace.before_calls;
               trace.before_at = static_cast<int>(trace.timing.size());
               EXPECT_FALSE(session.timing());
             },
         .after =
             [&] {
               ++trace.after_calls;
               trace.after_at = static_cast<int>(trace.timing.size());
               EXPECT_FALSE(session.timing());
               return benchlib::Counters{};
             }});
    EXPECT_FALSE(session.timing());
  });
  // 1 self-check + 2 warm-up samples of 4 + 3 timed samples of 4.
  ASSERT_EQ(trace.timing.size(), 21u);
  EXPECT_EQ(trace.before_calls, 1);
  EXPECT_EQ(trace.after_calls, 1);
  EXPECT_EQ(trace.before_at, 9);
  EXPECT_EQ(trace.after_at, 21);
  for (std::size_t i = 0; i < trace.timing.size(); ++i) {
    EXPECT_EQ(trace.timing[i], i >= 9) << "body call " << i;
  }
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[1]["type"], "result");
  // Only the loop's own page-fault counters over the timed samples.
  nlohmann::json counters = messages[1]["counters"];
  EXPECT_TRUE(counters["timed_minor_faults"].is_number_integer());
  EXPECT_TRUE(counters["timed_major_faults"].is_number_integer());
  EXPECT_EQ(counters.size(), 2u);
}

TEST(BenchlibTimedHooksTest, CalibrationRunsAreNotTimed) {
  benchlib::Options options;
  options.samples = 1;
  options.iterations = 0;  // calibrate: 1 iteration already reaches the 0 ns target
  HookTrace trace;
  MessagesOf(options, [&](benchlib::Session& session) {
    session.Measure(
        [&] {
          trace.timing.push_back(session.timing());
          return 1;
        },
        [](int v) { return nlohmann::json(v); }, {},
        {.before = [&] { trace.before_at = static_cast<int>(trace.timing.size()); }});
  });
  // Self-check, one calibration run of 1, one timed sample of 1.
  EXPECT_EQ(trace.timing, (std::vector<bool>{false, false, true}));
  EXPECT_EQ(trace.before_at, 2);
}

TEST(BenchlibTimedHooksTest, HookCountersJoinTheResultAndWinOnAClash) {
  benchlib::Options options;
  options.iterations = 1;
  const auto messages = MessagesOf(options, [](benchlib::Session& session) {
    session.Measure([] { return 1; }, [](int v) { return nlohmann::json(v); },
                    {{"shared", 1}, {"mine", 3}}, {.after = [] {
                      return benchlib::Counters{{"shared", 2}, {"hook", 5}};
                    }});
  });
  ASSERT_EQ(messages.size(), 2u);
  nlohmann::json counters = WithoutFaultCounters(messages[1]["counters"]);
  EXPECT_EQ(counters, (nlohmann::json{{"hook", 5}, {"mine", 3}, {"shared", 2}}));
}

TEST(BenchlibTimedHooksTest, TimedFaultsCountPagesTheTimedSamplesTouchFirst) {
  benchlib::Options options;
  options.iterations = 1;
  options.samples = 1;
  options.warmup = 0;
  // Each call maps 256 fresh pages, touches and unmaps them, as a heap trimmed back to the
  // kernel after every iteration would: the timed sample's faults must be counted.
  const auto messages = MessagesOf(options, [](benchlib::Session& session) {
    session.Measure(
        [] {
          constexpr std::size_t kBytes = 256 * 4096;
          void* block =
              mmap(nullptr, kBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
          if (block == MAP_FAILED) return 0;
          auto* bytes = static_cast<volatile char*>(block);
          for (std::size_t i = 0; i < kBytes; i += 4096) bytes[i] = 1;
          munmap(block, kBytes);
          return 1;
        },
        [](int v) { return nlohmann::json(v); });
  });
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_GE(messages[1]["counters"]["timed_minor_faults"].get<std::int64_t>(), 256);
}

TEST(BenchlibTimedHooksTest, MeasureWithoutHooksKeepsItsCounters) {
  benchlib::Options options;
  options.iterations = 1;
  const auto messages = MessagesOf(options, [](benchlib::Session& session) {
    session.Measure([] { return 1; }, [](int v) { return nlohmann::json(v); }, {{"bytes", 9}});
    EXPECT_FALSE(session.timing());
  });
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0]["type"], "setup");
  EXPECT_EQ(WithoutFaultCounters(messages[1]["counters"]), (nlohmann::json{{"bytes", 9}}));
  EXPECT_EQ(messages[1]["samples_ns"].size(), 1u);
}

}  // namespace
}  // namespace benchctl
