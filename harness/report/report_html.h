// A report document as one self-contained HTML page: inline CSS and SVG, no script, no font,
// nothing fetched; a Content-Security-Policy forbids scripts and remote loads besides. Every
// text from the document is escaped here (ForHtml), so a hostile name stays text.
#pragma once

#include <string>

#include "report_document.h"

namespace benchctl {

std::string RenderHtml(const ReportDocument& doc);

}  // namespace benchctl
