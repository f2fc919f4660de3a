// `benchctl show --format md|csv|json`: a row per job and metric with its median, interval,
// the interval's real coverage and the number of values — the spreadsheet view of a result
// (`benchctl export --format csv` has a row per sample instead).
#pragma once

#include <string>

#include "result_model.h"

namespace benchctl {

// The rows as a Markdown table ("md"), CSV with a header row ("csv") or a JSON array of
// objects ("json"). Every name from the file is escaped for its format. A failed job has no
// metrics, so no rows (the text view lists failures). Throws Error for another format.
std::string RenderSummaryRows(const RunResult& run, const std::string& format);

}  // namespace benchctl
