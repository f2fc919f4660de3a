// `benchctl show`'s table for one group of jobs (one suite · operation · input · swept
// parameters): each implementation's time with its interval, throughput, ratios and memory,
// then the metrics the suite declared. Used by show.cc; every string is escaped here.
#pragma once

#include <string>
#include <vector>

#include "job_summary.h"
#include "result_model.h"

namespace benchctl {

struct ShowRow {
  const JobResult* job;
  JobSummary summary;
};

// "1.84× [1.79, 1.90]": `row`'s time over `base`'s, with the ratio's 95% interval, or "-"
// when there are too few processes (or zero times) for one.
std::string TimeRatioCell(const ShowRow& row, const ShowRow& base);

// The fastest row that is not a reference row (nullptr if none has a time).
const ShowRow* FastestRanked(const std::vector<ShowRow>& rows);

// Appends the group's table to `out`; sorts `rows` by median time. `cpu_hz` (0: unknown)
// gives cycles per byte.
void RenderGroup(const std::string& key, std::vector<ShowRow>& rows, double cpu_hz,
                 std::string& out);

}  // namespace benchctl
