// A report document as Markdown: the same sections, with each chart written as an SVG file in
// a folder beside the Markdown file ("OUT.md" → "OUT-files/chart-1.svg") and linked by
// relative path. Every text from the document is Markdown-escaped here.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "report_document.h"

namespace benchctl {

// The Markdown text; chart i (1-based, in document order) is linked as
// `<chart_folder>/chart-<i>.svg` (the folder name percent-encoded).
std::string RenderMarkdown(const ReportDocument& doc, const std::string& chart_folder);

// The folder beside `md_path` that holds its charts: "<stem>-files".
std::filesystem::path ChartFolderFor(const std::filesystem::path& md_path);

// Writes `md_path` and its charts, each file atomically; creates the chart folder. Throws
// Error naming the path when a file cannot be written.
void WriteMarkdownReport(const ReportDocument& doc, const std::filesystem::path& md_path);

}  // namespace benchctl
