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
  // "1,1" or "0-2,1" names each CPU once: a job pinned to {1, 1} has one CPU, not two.
  std::sort(cpus.begin(), cpus.end());
  cpus.erase(std::unique(cpus.begin(), cpus.end()), cpus.end());
  return cpus;
}

namespace {

bool Contains(const std::vector<int>& set, int cpu) {
  return std::find(set.begin(), set.end(), cpu) != set.end();
}

// "suite json" or, without a name, "this suite".
std::string Who(std::string_view suite) {
  return suite.empty() ? "this suite" : fmt::format("suite {}", suite);
}

// "3 CPUs (2 for each job, 1 for its load generator)".
std::string Needed(const CpuNeeds& needs) {
  return fmt::format("{} CPU{} ({} for each job{})", needs.job + needs.load,
                     needs.job + needs.load == 1 ? "" : "s", needs.job,
                     needs.load > 0 ? fmt::format(", {} for its load generator", needs.load) : "");
}

std::vector<int> JobCpus(const std::string& request, const std::vector<int>& allowed,
                         const CpuNeeds& needs, std::string_view suite) {
  if (request.empty()) return {allowed.end() - needs.job, allowed.end()};
  std::vector<int> cpus = ParseCpuListOption(request);
  for (int c : cpus) {
    if (!Contains(allowed, c)) {
      throw Error(fmt::format("--cpus: CPU {} is not available; allowed CPUs: {}", c,
                              fmt::join(allowed, ",")));
    }
  }
  if (static_cast<int>(cpus.size()) < needs.job) {
    throw Error(fmt::format(
        "--cpus {}: {} needs {}, and --cpus names {} for the jobs; name at least {} of the "
        "allowed CPUs ({}), or leave --cpus out to let benchctl choose",
        request, Who(suite), Needed(needs), cpus.size(), needs.job, fmt::join(allowed, ",")));
  }
  return cpus;
}

}  // namespace

CpuPlan PlanCpus(const std::string& request, const std::vector<int>& allowed, const CpuNeeds& needs,
                 std::string_view suite) {
  BENCHCTL_CHECK(!allowed.empty() && needs.job >= 1 && needs.load >= 0);
  if (static_cast<int>(allowed.size()) < needs.job + needs.load) {
    throw Error(fmt::format(
        "{} needs {}, and benchctl may use only {} ({}): run it on a machine (or a cpuset) "
        "with at least {} CPUs",
        Who(suite), Needed(needs), allowed.size(), fmt::join(allowed, ","),
        needs.job + needs.load));
  }
  CpuPlan plan;
  plan.children = JobCpus(request, allowed, needs, suite);
  std::vector<int> rest;
  for (int c : allowed) {
    if (!Contains(plan.children, c)) rest.push_back(c);
  }
  if (static_cast<int>(rest.size()) < needs.load) {
    throw Error(fmt::format(
        "--cpus {}: {} needs {}, and --cpus leaves {} of the allowed CPUs ({}) for the load "
        "generator; name fewer CPUs, or leave --cpus out to let benchctl choose",
        request, Who(suite), Needed(needs), rest.size(), fmt::join(allowed, ",")));
  }
  // The load generator takes the CPUs next to the job's; benchctl the rest.
  plan.load.assign(rest.end() - needs.load, rest.end());
  plan.orchestrator.assign(rest.begin(), rest.end() - needs.load);
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
