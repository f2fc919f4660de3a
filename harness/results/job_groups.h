// Groups of comparable jobs: the same suite · operation · input · swept parameters. `show`
// prints one table per group and `report` one section; both group the same way.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "result_model.h"

namespace benchctl {

// The parameters the run's jobs ran with more than one value of: given as a list, or a
// suite's default sweep (http's connection counts). Each value is a group of its own.
std::set<std::string> SweptParamNames(const RunResult& run);

// "json · parse-dom · twitter-1MB · capacity=64": the raw (unescaped) name of a job's group;
// only the parameters in `swept` name it.
std::string GroupKey(const JobSpec& spec, const std::set<std::string>& swept);

// One group: its key and its jobs, in the run's order.
struct JobGroup {
  std::string key;
  std::vector<const JobResult*> jobs;
};

// The run's jobs grouped by GroupKey, groups in the order their first job appears.
std::vector<JobGroup> GroupJobs(const RunResult& run);

}  // namespace benchctl
