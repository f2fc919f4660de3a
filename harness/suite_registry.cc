#include <fmt/format.h>
#include <fmt/ranges.h>

#include "error.h"
#include "suite.h"
#include "suites.h"

namespace benchctl {

std::vector<std::string> SuiteNames() { return {"json", "selftest", "startup"}; }

std::unique_ptr<Suite> MakeSuite(const std::string& name) {
  if (name == "startup") return MakeStartupSuite();
  if (name == "json") return MakeJsonSuite();
  if (name == "selftest") return MakeSelftestSuite();
  throw Error(
      fmt::format("unknown suite \"{}\"; valid suites: {}", name, fmt::join(SuiteNames(), ", ")));
}

JobSpec BaseJob(const Manifest& m, const std::string& operation, const std::string& binary) {
  JobSpec job;
  job.suite = m.suite;
  job.impl = m.name;
  job.language = m.language;
  job.variant = m.variant;
  job.operation = operation;
  job.mode = m.mode;
  job.library = m.library_name;
  job.library_version = m.library_version;
  job.validation = m.validation;
  job.argv = {binary};
  job.env = m.env;
  job.id = m.suite + "/" + m.name + "/" + operation;
  return job;
}

}  // namespace benchctl
