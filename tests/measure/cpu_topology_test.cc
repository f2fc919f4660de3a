// Reading where CPUs sit from a sysfs-like tree.
#include "cpu_topology.h"

#include <gtest/gtest.h>

#include <fstream>

namespace benchctl {
namespace {

namespace fs = std::filesystem;

void WriteCpu(const fs::path& root, int cpu, int core, const std::string& siblings) {
  fs::path dir = root / ("cpu" + std::to_string(cpu)) / "topology";
  fs::create_directories(dir);
  std::ofstream(dir / "physical_package_id") << "0\n";
  std::ofstream(dir / "core_id") << core << "\n";
  std::ofstream(dir / "thread_siblings_list") << siblings << "\n";
}

TEST(CpuTopology, TellsSmtSiblingsFromSeparateCores) {
  fs::path root = fs::temp_directory_path() / "benchctl-topology-test";
  fs::remove_all(root);
  WriteCpu(root, 0, 0, "0,2");
  WriteCpu(root, 1, 1, "1,3");
  WriteCpu(root, 2, 0, "0,2");
  auto apart = ReadCpuPlaces({0, 1}, root);
  ASSERT_EQ(apart.size(), 2u);
  EXPECT_EQ(apart[1].core, 1);
  EXPECT_EQ(apart[1].thread_siblings, "1,3");
  EXPECT_EQ(AnySmtSiblings(apart), false);
  EXPECT_EQ(AnySmtSiblings(ReadCpuPlaces({0, 2}, root)), true);
  // A CPU the tree does not describe: unknown, not "separate".
  auto unknown = ReadCpuPlaces({0, 7}, root);
  EXPECT_FALSE(unknown[1].core.has_value());
  EXPECT_EQ(AnySmtSiblings(unknown), std::nullopt);
  nlohmann::json j = CpuPlacesJson(unknown);
  EXPECT_EQ(j[0]["core"], 0);
  EXPECT_TRUE(j[1]["core"].is_null());
  fs::remove_all(root);
}

}  // namespace
}  // namespace benchctl
