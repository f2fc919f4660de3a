// The spsc suite's shared C++ driver (workloads/spsc/shared/cpp/): the histogram's buckets and
// quantiles on hand-computed values, the parameter checks and their messages, the sequence and
// round-trip checks, the ring across two threads, the consumer thread's stop path, and whole
// iterations read back from the result line.
#include <gtest/gtest.h>
#include <sched.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdint>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "benchlib.h"
#include "spsc/shared/cpp/consumer.h"
#include "spsc/shared/cpp/driver.h"
#include "spsc/shared/cpp/histogram.h"
#include "spsc/shared/cpp/params.h"
#include "spsc/shared/cpp/ring.h"

namespace benchctl {
namespace {

using spsc::Histogram;

constexpr std::uint64_t kU64Max = std::numeric_limits<std::uint64_t>::max();

TEST(SpscHistogramTest, BucketsBelow64AreExact) {
  EXPECT_EQ(Histogram::BucketOf(0), 0u);
  EXPECT_EQ(Histogram::BucketOf(1), 1u);
  EXPECT_EQ(Histogram::BucketOf(63), 63u);
  EXPECT_EQ(Histogram::LowerBound(0), 0u);
  EXPECT_EQ(Histogram::LowerBound(63), 63u);
}

TEST(SpscHistogramTest, BucketsAbove64Are32PerOctave) {
  // e = floor(log2 v), s = (v >> (e - 5)) & 31, bucket 64 + (e - 6) * 32 + s.
  EXPECT_EQ(Histogram::BucketOf(64), 64u);         // e 6, s 0
  EXPECT_EQ(Histogram::BucketOf(65), 64u);         // 65 >> 1 = 32 -> s 0
  EXPECT_EQ(Histogram::BucketOf(66), 65u);         // 33 -> s 1
  EXPECT_EQ(Histogram::BucketOf(127), 95u);        // 63 -> s 31
  EXPECT_EQ(Histogram::BucketOf(128), 96u);        // e 7, s 0
  EXPECT_EQ(Histogram::BucketOf(1000), 190u);      // e 9, 1000 >> 4 = 62 -> s 30
  EXPECT_EQ(Histogram::BucketOf(kU64Max), 1919u);  // e 63, s 31: the last bucket
  EXPECT_EQ(Histogram::LowerBound(64), 64u);
  EXPECT_EQ(Histogram::LowerBound(65), 66u);
  EXPECT_EQ(Histogram::LowerBound(190), 992u);  // (32 + 30) << 4
  EXPECT_EQ(Histogram::LowerBound(191), 1008u);
  EXPECT_EQ(Histogram::LowerBound(1919), std::uint64_t{63} << 58);
}

TEST(SpscHistogramTest, EveryBucketStartsAtItsLowerBoundAndEndsBeforeTheNext) {
  for (std::size_t b = 0; b < Histogram::kBuckets; ++b) {
    const std::uint64_t low = Histogram::LowerBound(b);
    ASSERT_EQ(Histogram::BucketOf(low), b) << "bucket " << b;
    if (b + 1 < Histogram::kBuckets) {
      ASSERT_LT(low, Histogram::LowerBound(b + 1)) << "bucket " << b;
      ASSERT_EQ(Histogram::BucketOf(Histogram::LowerBound(b + 1) - 1), b) << "bucket " << b;
    }
  }
}

TEST(SpscHistogramTest, QuantilesAreLowerBoundsAndTheMaximumIsExact) {
  Histogram h;
  for (std::uint64_t v = 1; v <= 100; ++v) h.Record(v);
  EXPECT_EQ(h.count(), 100u);
  EXPECT_EQ(h.Quantile(500), 50u);   // rank 50: value 50, exact below 64
  EXPECT_EQ(h.Quantile(990), 98u);   // rank 99: value 99, bucket [98, 100)
  EXPECT_EQ(h.Quantile(999), 100u);  // rank ceil(99.9) = 100: value 100, bucket [100, 102)
  EXPECT_EQ(h.max(), 100u);
  EXPECT_EQ(h.Counters(), (benchlib::Counters{{"rtt_p50_ns", 50},
                                              {"rtt_p99_ns", 98},
                                              {"rtt_p999_ns", 100},
                                              {"rtt_max_ns", 100},
                                              {"rtt_count", 100}}));
}

TEST(SpscHistogramTest, RankIsCeilOfQTimesCountExactly) {
  Histogram h;
  for (int i = 0; i < 999; ++i) h.Record(10);
  h.Record(5000);
  EXPECT_EQ(h.Quantile(999), 10u);  // rank 999 of 1000, not 1000
  EXPECT_EQ(h.Quantile(990), 10u);
  EXPECT_EQ(h.max(), 5000u);

  Histogram one;
  one.Record(5000);                     // e 12, 5000 >> 7 = 39 -> s 7, lower bound 39 << 7
  EXPECT_EQ(one.Quantile(500), 4992u);  // rank ceil(0.5) = 1
  EXPECT_EQ(one.Quantile(999), 4992u);
  EXPECT_EQ(one.max(), 5000u);
}

TEST(SpscHistogramTest, EmptyOrClearedReportsZeros) {
  Histogram h;
  const benchlib::Counters zeros = {{"rtt_p50_ns", 0},
                                    {"rtt_p99_ns", 0},
                                    {"rtt_p999_ns", 0},
                                    {"rtt_max_ns", 0},
                                    {"rtt_count", 0}};
  EXPECT_EQ(h.Counters(), zeros);
  h.Record(70);
  h.Clear();
  EXPECT_EQ(h.Counters(), zeros);
}

// ParseParams over a map of BENCHCTL_PARAM_* values.
spsc::Params Parse(const std::map<std::string, std::string>& values) {
  return spsc::ParseParams([&values](std::string_view name) -> std::optional<std::string> {
    const auto it = values.find(std::string(name));
    if (it == values.end()) return std::nullopt;
    return it->second;
  });
}

std::string ParseError(const std::map<std::string, std::string>& values) {
  try {
    Parse(values);
  } catch (const benchlib::Error& e) {
    return e.what();
  }
  return "no error";
}

const std::map<std::string, std::string> kGood = {
    {"OP", "latency"}, {"CAPACITY", "1024"}, {"ITEMS", "65536"}, {"ROUND_TRIPS", "2000"}};

std::map<std::string, std::string> With(const std::string& name, const std::string& value) {
  std::map<std::string, std::string> values = kGood;
  values[name] = value;
  return values;
}

TEST(SpscParamsTest, ReadsEveryParameter) {
  const spsc::Params p = Parse(kGood);
  EXPECT_EQ(p.operation, spsc::Operation::kLatency);
  EXPECT_EQ(p.capacity, 1024u);
  EXPECT_EQ(p.items, 65536u);
  EXPECT_EQ(p.round_trips, 2000u);
  EXPECT_EQ(Parse(With("OP", "throughput")).operation, spsc::Operation::kThroughput);
  EXPECT_EQ(Parse(With("CAPACITY", "2")).capacity, 2u);
  EXPECT_EQ(Parse(With("ITEMS", "512")).items, 512u);  // one half of 1024
}

TEST(SpscParamsTest, ErrorsNameTheParameterAndItsRule) {
  EXPECT_EQ(ParseError(With("OP", "fast")),
            "BENCHCTL_PARAM_OP=fast is not an operation of spsc (throughput or latency)");
  EXPECT_EQ(ParseError(With("CAPACITY", "1000")),
            "BENCHCTL_PARAM_CAPACITY=1000 is not a power of two >= 2");
  EXPECT_EQ(ParseError(With("CAPACITY", "1")),
            "BENCHCTL_PARAM_CAPACITY=1 is not a power of two >= 2");
  EXPECT_EQ(ParseError(With("CAPACITY", "0x10")),
            "BENCHCTL_PARAM_CAPACITY=0x10 is not an integer >= 1");
  EXPECT_EQ(ParseError(With("ITEMS", "100")),
            "BENCHCTL_PARAM_ITEMS=100 is not a multiple of CAPACITY/2 = 512");
  EXPECT_EQ(ParseError(With("ITEMS", "0")), "BENCHCTL_PARAM_ITEMS=0 is not an integer >= 1");
  EXPECT_EQ(ParseError(With("ROUND_TRIPS", "-1")),
            "BENCHCTL_PARAM_ROUND_TRIPS=-1 is not an integer >= 1");
  std::map<std::string, std::string> missing = kGood;
  missing.erase("ITEMS");
  EXPECT_EQ(ParseError(missing), "parameter BENCHCTL_PARAM_ITEMS is unset");
}

TEST(SpscChecksTest, TheConsumerRecordsTheFirstOutOfOrderItemAndCountsAll) {
  spsc::ConsumerReport report;
  const std::vector<std::uint64_t> received = {0, 1, 3, 2, 9};
  for (std::uint64_t i = 0; i < received.size(); ++i) report.Receive(i, received[i]);
  EXPECT_EQ(report.count, 5u);
  EXPECT_EQ(report.sum, 15u);
  EXPECT_TRUE(report.out_of_order);
  EXPECT_EQ(report.expected, 2u);
  EXPECT_EQ(report.got, 3u);
  EXPECT_STREQ(spsc::SequenceError(7, report).what(),
               "sequence error in iteration 7: expected item 2, got 3");
}

// A latency link on one thread: what is sent comes back, except `wrong_at` comes back + 1.
struct LoopbackLink {
  std::uint64_t wrong_at = kU64Max;
  std::uint64_t in_flight = 0;
  void Send(std::uint64_t i) { in_flight = i; }
  std::uint64_t ReceiveBack() { return in_flight == wrong_at ? in_flight + 1 : in_flight; }
  std::uint64_t Receive() { return in_flight++; }
  void SendBack(std::uint64_t) {}
};

TEST(SpscChecksTest, RoundTripsAreTimedOnlyIntoAGivenHistogram) {
  LoopbackLink link;
  Histogram h;
  const spsc::RoundTrips timed = spsc::ProduceRoundTrips(link, 10, &h);
  EXPECT_EQ(timed.count, 10u);
  EXPECT_EQ(timed.sum, 45u);
  EXPECT_FALSE(timed.wrong);
  EXPECT_EQ(h.count(), 10u);
  const spsc::RoundTrips untimed = spsc::ProduceRoundTrips(link, 10, nullptr);
  EXPECT_EQ(untimed.count, 10u);
  EXPECT_EQ(h.count(), 10u);
}

TEST(SpscChecksTest, TheProducerRecordsTheFirstWrongEcho) {
  LoopbackLink link;
  link.wrong_at = 4;
  const spsc::RoundTrips r = spsc::ProduceRoundTrips(link, 6, nullptr);
  EXPECT_EQ(r.count, 6u);
  EXPECT_EQ(r.sum, 16u);  // 0 + 1 + 2 + 3 + 5 + 5
  EXPECT_TRUE(r.wrong);
  EXPECT_EQ(r.trip, 4u);
  EXPECT_EQ(r.got, 5u);
}

TEST(SpscChecksTest, TheConsumerChecksWhatItEchoes) {
  LoopbackLink link;
  link.in_flight = 1;  // the consumer receives 1, 2, 3 where 0, 1, 2 were due
  const spsc::ConsumerReport r = spsc::EchoRoundTrips(link, 3);
  EXPECT_EQ(r.count, 3u);
  EXPECT_TRUE(r.out_of_order);
  EXPECT_EQ(r.expected, 0u);
  EXPECT_EQ(r.got, 1u);
}

// The CPUs this test process may use, ascending.
std::vector<int> AllowedCpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) != 0) throw std::runtime_error("sched_getaffinity");
  std::vector<int> cpus;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
    if (CPU_ISSET(cpu, &set)) cpus.push_back(cpu);
  }
  return cpus;
}

TEST(SpscRingTest, CarriesEveryItemInOrderAcrossThreads) {
  spsc::Ring ring(4);  // small, so both the full and the empty waits happen
  constexpr std::uint64_t kItems = 20000;
  std::thread producer([&ring] {
    for (std::uint64_t i = 0; i < kItems; ++i) ring.push(i);
  });
  std::uint64_t first_wrong = kU64Max;
  for (std::uint64_t i = 0; i < kItems; ++i) {
    if (ring.pop() != i && first_wrong == kU64Max) first_wrong = i;
  }
  producer.join();
  EXPECT_EQ(first_wrong, kU64Max);
}

// A queue that never delivers: pop blocks until Close, then throws QueueClosed.
class BlockingQueue {
 public:
  std::uint64_t pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [this] { return closed_; });
    throw spsc::QueueClosed();
  }
  void Close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    ready_.notify_all();
  }
  bool closed() {
    std::lock_guard lock(mutex_);
    return closed_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  bool closed_ = false;
};

TEST(SpscConsumerTest, RunsNumberedIterationsAndStops) {
  int calls = 0;
  spsc::Consumer consumer(AllowedCpus().front(),
                          [&calls] {
                            spsc::ConsumerReport report;
                            report.count = static_cast<std::uint64_t>(++calls);
                            return report;
                          },
                          {});
  for (std::uint64_t k = 1; k <= 3; ++k) {
    const auto [number, report] = consumer.Run([] {});
    EXPECT_EQ(number, k);
    EXPECT_EQ(report.count, k);
  }
  consumer.Stop();
  EXPECT_EQ(calls, 3);
}

TEST(SpscConsumerTest, StopWakesAConsumerBlockedInAQueue) {
  BlockingQueue queue;
  spsc::Consumer consumer(
      AllowedCpus().front(),
      [&queue] {
        spsc::ConsumerReport report;
        report.Receive(0, queue.pop());  // blocks: the producer below pushes nothing
        return report;
      },
      [&queue] { queue.Close(); });
  // A producer that leaves in the middle of the iteration, its consumer blocked.
  EXPECT_THROW(consumer.Run([] { throw std::runtime_error("left"); }), std::runtime_error);
  consumer.Stop();  // returns only once the consumer thread has ended
  EXPECT_TRUE(queue.closed());
}

TEST(SpscConsumerTest, AFailedPinIsAnErrorNamingTheThreadAndCpu) {
  try {
    spsc::Consumer consumer(CPU_SETSIZE - 1, [] { return spsc::ConsumerReport{}; }, {});
    FAIL() << "pinned to CPU " << CPU_SETSIZE - 1;
  } catch (const benchlib::Error& e) {
    const std::string prefix =
        "pinning the consumer thread to CPU " + std::to_string(CPU_SETSIZE - 1) + ": ";
    EXPECT_EQ(std::string(e.what()).rfind(prefix, 0), 0u) << e.what();
  }
}

// The lines `measure` writes through a Session on a pipe.
std::vector<nlohmann::json> Messages(const benchlib::Options& settings,
                                     const std::function<void(benchlib::Session&)>& measure) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  benchlib::Options options = settings;
  options.fd = fds[1];
  benchlib::Session session(options);
  measure(session);
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

// Two CPUs for the threads, or nullopt when this process has only one.
std::optional<spsc::CpuPair> TwoCpus() {
  const std::vector<int> cpus = AllowedCpus();
  if (cpus.size() < 2) return std::nullopt;
  return spsc::CpuPair{cpus[0], cpus[1]};
}

TEST(SpscDriverTest, LatencyRecordsEveryTimedTripAndNoOther) {
  const std::optional<spsc::CpuPair> cpus = TwoCpus();
  if (!cpus) GTEST_SKIP() << "needs two CPUs";
  benchlib::Options options;
  options.warmup = 1;
  options.samples = 2;
  options.iterations = 3;
  spsc::Params params;
  params.operation = spsc::Operation::kLatency;
  params.capacity = 4;
  params.items = 2;
  params.round_trips = 20;
  const auto messages = Messages(options, [&](benchlib::Session& session) {
    spsc::QueueLatency<spsc::Ring> link(params.capacity);
    spsc::MeasureLatency(session, params, *cpus, link);
  });
  ASSERT_EQ(messages.size(), 2u);
  const nlohmann::json& result = messages[1];
  EXPECT_EQ(result["verification"], (nlohmann::json{{"round_trips", 20}, {"sum", 190}}));
  EXPECT_EQ(result["mismatches"], 0);
  EXPECT_EQ(result["counters"]["rtt_count"], 2 * 3 * 20);  // samples x iterations x trips
  EXPECT_EQ(result["counters"]["producer_cpu"], cpus->producer);
  EXPECT_EQ(result["counters"]["consumer_cpu"], cpus->consumer);
  EXPECT_LE(result["counters"]["rtt_p50_ns"], result["counters"]["rtt_p99_ns"]);
  EXPECT_LE(result["counters"]["rtt_p999_ns"], result["counters"]["rtt_max_ns"]);
}

TEST(SpscDriverTest, ThroughputMovesEveryItem) {
  const std::optional<spsc::CpuPair> cpus = TwoCpus();
  if (!cpus) GTEST_SKIP() << "needs two CPUs";
  benchlib::Options options;
  options.samples = 2;
  options.iterations = 2;
  spsc::Params params;
  params.capacity = 8;
  params.items = 1000;
  const auto messages = Messages(options, [&](benchlib::Session& session) {
    spsc::QueueThroughput<spsc::Ring> op(params.capacity);
    spsc::MeasureThroughput(session, params, *cpus, op);
  });
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[1]["verification"], (nlohmann::json{{"items", 1000}, {"sum", 499500}}));
  EXPECT_EQ(messages[1]["mismatches"], 0);
  EXPECT_FALSE(messages[1]["counters"].contains("rtt_count"));
}

// A ring that delivers item 5 twice and never 6.
class DuplicatingRing {
 public:
  explicit DuplicatingRing(std::uint64_t capacity) : ring_(capacity) {}
  void push(std::uint64_t v) { ring_.push(v == 6 ? 5 : v); }
  std::uint64_t pop() { return ring_.pop(); }

 private:
  spsc::Ring ring_;
};

TEST(SpscDriverTest, ASequenceErrorFailsTheSelfCheck) {
  const std::optional<spsc::CpuPair> cpus = TwoCpus();
  if (!cpus) GTEST_SKIP() << "needs two CPUs";
  benchlib::Options options;
  options.iterations = 1;
  spsc::Params params;
  params.capacity = 8;
  params.items = 16;
  std::string error = "no error";
  Messages(options, [&](benchlib::Session& session) {
    spsc::QueueThroughput<DuplicatingRing> op(params.capacity);
    try {
      spsc::MeasureThroughput(session, params, *cpus, op);
    } catch (const benchlib::Error& e) {
      error = e.what();
    }
  });
  EXPECT_EQ(error, "sequence error in iteration 1: expected item 6, got 5");
}

}  // namespace
}  // namespace benchctl
