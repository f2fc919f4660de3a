// `benchctl history show --html`: the selected jobs' trends as a report page, one section per
// job with its trend chart (harness/report/trend_chart.h) and the runs' table. It joins two
// sibling stages (history, report), so it lives in cli.
#pragma once

#include <string>
#include <vector>

#include "history_check.h"
#include "report_document.h"

namespace benchctl {

// The page's document: `findings` (CheckTrends over the same trends) mark their change points.
ReportDocument BuildHistoryReport(const std::vector<JobTrend>& trends,
                                  const std::vector<Finding>& findings, const std::string& db);

}  // namespace benchctl
