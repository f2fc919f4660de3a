#include "cpu_sets.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <sched.h>

#include <algorithm>

#include "error.h"

namespace benchctl {

std::vector<int> AllowedCpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  std::vector<int> cpus;
  if (sched_getaffinity(0, sizeof(set), &set) != 0) return {0};
  for (int i = 0; i < CPU_SETSIZE; ++i) {
    if (CPU_ISSET(i, &set)) cpus.push_back(i);
  }
  return cpus;
}

std::vector<int> ParseCpuListOption(const std::string& text) {
  std::vector<int> cpus;
  std::size_t start = 0;
  auto bad = [&text]() {
    return Error(
        fmt::format("--cpus \"{}\": expected a CPU list such as \"1\" or \"2-3,5\"", text));
  };
  while (start < text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string part = text.substr(start, end - start);
    std::size_t dash = part.find('-');
    try {
      std::size_t used = 0;
      int lo = std::stoi(part.substr(0, dash), &used);
      if (used != (dash == std::string::npos ? part.size() : dash)) throw bad();
      int hi = lo;
      if (dash != std::string::npos) {
        std::string end_text = part.substr(dash + 1);
        hi = std::stoi(end_text, &used);
        if (used != end_text.size()) throw bad();
      }
      if (lo < 0 || hi < lo) throw bad();
      for (int c = lo; c <= hi; ++c) cpus.push_back(c);
    } catch (const std::logic_error&) {
      throw bad();
    }
    start = end + 1;
  }
  if (cpus.empty()) throw bad();
  return cpus;
}

CpuPlan PlanCpus(const std::string& request, const std::vector<int>& allowed) {
  BENCHCTL_CHECK(!allowed.empty());
  CpuPlan plan;
  if (request.empty()) {
    plan.children = {allowed.back()};
  } else {
    plan.children = ParseCpuListOption(request);
    for (int c : plan.children) {
      if (std::find(allowed.begin(), allowed.end(), c) == allowed.end()) {
        throw Error(fmt::format("--cpus: CPU {} is not available; allowed CPUs: {}", c,
                                fmt::join(allowed, ",")));
      }
    }
  }
  for (int c : allowed) {
    if (std::find(plan.children.begin(), plan.children.end(), c) == plan.children.end()) {
      plan.orchestrator.push_back(c);
    }
  }
  if (plan.orchestrator.empty()) {
    plan.orchestrator = allowed;
    plan.shared = true;
  }
  return plan;
}

bool PinSelf(const std::vector<int>& cpus) {
  cpu_set_t set;
  CPU_ZERO(&set);
  for (int c : cpus) CPU_SET(c, &set);
  return sched_setaffinity(0, sizeof(set), &set) == 0;
}

}  // namespace benchctl
