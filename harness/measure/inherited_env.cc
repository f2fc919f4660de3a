#include "inherited_env.h"

#include <array>
#include <string_view>

extern char** environ;

namespace benchctl {
namespace {

// Exact names, and prefixes (ending in '_' or '*').
constexpr std::array<std::string_view, 12> kNames = {
    "GLIBC_TUNABLES", "LD_PRELOAD",        "LD_LIBRARY_PATH", "GOGC",
    "GOMEMLIMIT",     "GODEBUG",           "GOMAXPROCS",      "GOEXPERIMENT",
    "RUST_MIN_STACK", "RAYON_NUM_THREADS", "OMP_NUM_THREADS", "MIMALLOC_SHOW_STATS"};
constexpr std::array<std::string_view, 4> kPrefixes = {"MALLOC_", "MIMALLOC_", "SONIC_",
                                                       "JEMALLOC_"};

}  // namespace

bool ShapesNumbers(const std::string& name) {
  for (auto n : kNames) {
    if (name == n) return true;
  }
  for (auto p : kPrefixes) {
    if (name.starts_with(p)) return true;
  }
  return false;
}

std::map<std::string, std::string> NumberShapingEnvironment() {
  std::map<std::string, std::string> found;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string_view entry(*e);
    const std::size_t eq = entry.find('=');
    if (eq == std::string_view::npos) continue;
    std::string name(entry.substr(0, eq));
    if (ShapesNumbers(name)) found[name] = std::string(entry.substr(eq + 1));
  }
  return found;
}

}  // namespace benchctl
