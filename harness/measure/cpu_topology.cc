#include "cpu_topology.h"

#include <fmt/format.h>

#include <fstream>

namespace benchctl {
namespace {

std::string FirstLine(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

std::optional<int> ReadInt(const std::filesystem::path& path) {
  const std::string text = FirstLine(path);
  try {
    std::size_t used = 0;
    int value = std::stoi(text, &used);
    if (used == text.size()) return value;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

}  // namespace

std::vector<CpuPlace> ReadCpuPlaces(const std::vector<int>& cpus,
                                    const std::filesystem::path& sysfs_cpu) {
  std::vector<CpuPlace> places;
  for (int cpu : cpus) {
    const std::filesystem::path dir = sysfs_cpu / fmt::format("cpu{}", cpu) / "topology";
    places.push_back({cpu, ReadInt(dir / "physical_package_id"), ReadInt(dir / "core_id"),
                      FirstLine(dir / "thread_siblings_list")});
  }
  return places;
}

std::optional<bool> AnySmtSiblings(const std::vector<CpuPlace>& places) {
  for (const auto& p : places) {
    if (!p.package || !p.core) return std::nullopt;
  }
  for (std::size_t i = 0; i < places.size(); ++i) {
    for (std::size_t j = i + 1; j < places.size(); ++j) {
      if (places[i].package == places[j].package && places[i].core == places[j].core) return true;
    }
  }
  return false;
}

nlohmann::json CpuPlacesJson(const std::vector<CpuPlace>& places) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : places) {
    out.push_back({{"cpu", p.cpu},
                   {"package", p.package ? nlohmann::json(*p.package) : nlohmann::json(nullptr)},
                   {"core", p.core ? nlohmann::json(*p.core) : nlohmann::json(nullptr)},
                   {"thread_siblings", p.thread_siblings}});
  }
  return out;
}

}  // namespace benchctl
