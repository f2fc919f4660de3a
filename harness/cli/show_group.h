// `benchctl show`'s table for one group of jobs (one suite · operation · input · swept
// parameters): each implementation's time with its interval, throughput, ratios and memory,
// then the metrics the suite declared. Used by show.cc; every string is escaped here.
#pragma once

#include <string>
#include <vector>

#include "job_summary.h"
#include "result_model.h"
#include "show_columns.h"

namespace benchctl {

struct ShowRow {
  const JobResult* job;
  JobSummary summary;
};

// "1.84× [1.79, 1.90]": `row`'s time over `base`'s, with the ratio's interval, or "-" when
// there are too few processes (or zero times) for one. The interval's exact coverage is
// added to `coverages` (when given) so the table can label it.
std::string TimeRatioCell(const ShowRow& row, const ShowRow& base,
                          std::vector<double>* coverages = nullptr);

// The fastest row that is not a reference row (nullptr if none has a time).
const ShowRow* FastestRanked(const std::vector<ShowRow>& rows);

// What a run's tables share: the clock estimate (0: unknown) for cycles per byte, whether
// the run was --quick, and the layout.
struct GroupContext {
  double cpu_hz = 0;
  bool quick = false;
  ShowOptions options;
};

// Appends the group's table to `out`; sorts `rows` by median time.
void RenderGroup(const std::string& key, std::vector<ShowRow>& rows, const GroupContext& context,
                 std::string& out);

// The rows' implementation names with their markers ("[ref]", "[lb]": CompactMarkers), for
// tables after the main one.
std::string RowName(const ShowRow& row);
std::string CompactMarkers(const ShowRow& row);

// The metrics the suite declared (counters) as tables: a row per implementation, a column per
// metric — median only, as many columns as fit, by default; median and interval, four to a
// table, with --wide.
void RenderDeclaredMetrics(const std::vector<ShowRow>& rows, const ShowOptions& options,
                           std::string& out);

// "  [ref] reference row, not ranked · [lb] load-bound": the markers used in `markers`.
void RenderMarkerLegend(const std::vector<std::string>& markers, std::string& out);

// The binary sizes line of a process-mode group.
void RenderBinarySizes(const std::vector<ShowRow>& rows, std::string& out);

}  // namespace benchctl
