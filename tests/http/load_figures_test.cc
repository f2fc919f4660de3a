// The figures of a measured interval (harness/http/load_figures.h).
#include "load_figures.h"

#include <gtest/gtest.h>

namespace benchctl {
namespace {

WrkReport Report() {
  WrkReport r;
  r.duration_seconds = 2;
  r.requests = 100000;
  r.p99_us = 800;
  return r;
}

// Three samples over 2 s: RSS 1000, 3000, 2000 kB; 1.8 CPU-seconds used.
std::vector<UsageSample> Samples() { return {{0, 1000, 10.0}, {1, 3000, 10.9}, {2, 2000, 11.8}}; }

TEST(LoadFigures, RatesMemoryPerConnectionAndCpuPerRequest) {
  LoadFigures f = ComputeLoadFigures(Report(), Samples(), 1500, 64, 1.0, 2.0, 1, 1);
  EXPECT_DOUBLE_EQ(f.requests_per_second, 50000);
  EXPECT_DOUBLE_EQ(f.ns_per_request, 20000);
  EXPECT_DOUBLE_EQ(f.rss_load_kb, 2000);  // The median sample.
  EXPECT_DOUBLE_EQ(f.memory_per_connection_b, 500.0 * 1024 / 64);
  EXPECT_NEAR(f.server_cpu_util, 0.9, 1e-12);
  EXPECT_NEAR(f.server_cpu_ns_per_request, 1.8e9 / 100000, 1e-6);
  EXPECT_DOUBLE_EQ(f.load_cpu_util, 0.5);
  EXPECT_FALSE(f.load_generator_bound);
}

TEST(LoadFigures, BoundWhenTheClientSaturatesAndTheServerDoesNot) {
  std::vector<UsageSample> idle_server = {{0, 1000, 10.0}, {2, 1000, 11.0}};  // 0.5 CPU.
  EXPECT_TRUE(
      ComputeLoadFigures(Report(), idle_server, 1000, 16, 1.9, 2.0, 1, 1).load_generator_bound);
  // Both saturated: the server is at its limit too, so the rate is the server's.
  std::vector<UsageSample> busy_server = {{0, 1000, 10.0}, {2, 1000, 11.95}};
  EXPECT_FALSE(
      ComputeLoadFigures(Report(), busy_server, 1000, 16, 1.9, 2.0, 1, 1).load_generator_bound);
  // Two load CPUs: 1.9 CPU-seconds per second is not saturated.
  EXPECT_FALSE(
      ComputeLoadFigures(Report(), idle_server, 1000, 16, 3.0, 2.0, 1, 2).load_generator_bound);
}

TEST(LoadFigures, LatenciesOnlyWithoutPipelining) {
  LoadFigures f = ComputeLoadFigures(Report(), Samples(), 1500, 64, 1.0, 2.0, 1, 1);
  nlohmann::json plain = LoadCounters(f, Report(), Samples(), 64, 1);
  EXPECT_DOUBLE_EQ(plain.at("latency_p99_ns").get<double>(), 800000);
  EXPECT_EQ(plain.at("server_timeline"),
            nlohmann::json({{0, 1000, 10000}, {1000, 3000, 10900}, {2000, 2000, 11800}}));
  nlohmann::json piped = LoadCounters(f, Report(), Samples(), 64, 16);
  EXPECT_FALSE(piped.contains("latency_p99_ns"));
  EXPECT_EQ(piped.at("load_generator_bound"), 0);
}

}  // namespace
}  // namespace benchctl
