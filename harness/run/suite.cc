#include "suite.h"

namespace benchctl {

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
  job.reference = m.reference;
  job.id = m.suite + "/" + m.name + "/" + operation;
  return job;
}

}  // namespace benchctl
