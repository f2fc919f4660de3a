#include "job_groups.h"

#include <fmt/format.h>

#include <map>

namespace benchctl {

// Groups jobs by their raw names; only what is printed is escaped.
std::string GroupKey(const JobSpec& s, const std::set<std::string>& swept) {
  std::string key =
      fmt::format("{} · {}{}", s.suite, s.operation, s.input ? " · " + s.input->name : "");
  for (const auto& [name, value] : s.params) {
    if (swept.contains(name)) key += fmt::format(" · {}={}", name, value);
  }
  return key;
}

std::set<std::string> SweptParamNames(const RunResult& run) {
  std::map<std::string, std::set<std::string>> values;
  for (const auto& job : run.jobs) {
    for (const auto& [name, value] : job.spec.params) values[name].insert(value);
  }
  std::set<std::string> swept;
  for (const auto& [name, seen] : values) {
    if (seen.size() > 1) swept.insert(name);
  }
  return swept;
}

std::vector<JobGroup> GroupJobs(const RunResult& run) {
  const std::set<std::string> swept = SweptParamNames(run);
  std::vector<JobGroup> groups;
  std::map<std::string, std::size_t> index;
  for (const auto& job : run.jobs) {
    std::string key = GroupKey(job.spec, swept);
    auto [it, fresh] = index.emplace(key, groups.size());
    if (fresh) groups.push_back({key, {}});
    groups[it->second].jobs.push_back(&job);
  }
  return groups;
}

}  // namespace benchctl
