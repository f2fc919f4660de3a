#include "report_markdown.h"

#include <fmt/format.h>

#include <cctype>
#include <cstring>
#include <system_error>

#include "atomic_file.h"
#include "error.h"
#include "escape.h"

namespace benchctl {
namespace {

// A path segment for a Markdown link: unreserved characters as they are, the rest as %XX.
std::string PercentEncode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || std::strchr("-._~", c) != nullptr) {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

void RenderTable(const ReportTable& t, std::string& out) {
  if (!t.caption.empty()) out += "**" + ForMarkdown(t.caption) + "**\n\n";
  out += "|";
  for (const auto& h : t.header) out += " " + ForMarkdown(h) + " |";
  out += "\n|";
  for (std::size_t i = 0; i < t.header.size(); ++i) out += " --- |";
  out += "\n";
  for (const auto& row : t.rows) {
    out += "|";
    for (const auto& cell : row) out += " " + ForMarkdown(cell) + " |";
    out += "\n";
  }
  out += "\n";
}

}  // namespace

std::filesystem::path ChartFolderFor(const std::filesystem::path& md_path) {
  return md_path.parent_path() / (md_path.stem().string() + "-files");
}

std::string RenderMarkdown(const ReportDocument& doc, const std::string& chart_folder) {
  std::string out = "# " + ForMarkdown(doc.title) + "\n\n" + ForMarkdown(doc.subtitle) + "\n\n";
  for (const auto& b : doc.banners) {
    out += b.kind == BannerKind::kWarning ? "> **" + ForMarkdown(b.text) + "**\n\n"
                                          : "> " + ForMarkdown(b.text) + "\n\n";
  }
  if (!doc.legend.empty()) {
    out += "Colours:";
    for (const auto& [lang, colour] : doc.legend) {
      out += " " + ForMarkdown(lang) + " " + ForMarkdownCode(colour);
    }
    out += "\n\n";
  }
  std::size_t chart = 0;
  const std::string folder = PercentEncode(chart_folder);
  for (const auto& s : doc.sections) {
    out += "## " + ForMarkdown(s.title) + "\n\n";
    for (const auto& note : s.notes) out += ForMarkdown(note) + "\n\n";
    for (const auto& f : s.facts) {
      out += "- **" + ForMarkdown(f.key) +
             "**: " + (f.code ? ForMarkdownCode(f.value) : ForMarkdown(f.value)) + "\n";
    }
    if (!s.facts.empty()) out += "\n";
    for (const auto& c : s.charts) {
      ++chart;
      out += fmt::format("![{}]({}/chart-{}.svg)\n\n", ForMarkdown(c.caption), folder, chart);
    }
    for (const auto& t : s.tables) RenderTable(t, out);
  }
  return out;
}

void WriteMarkdownReport(const ReportDocument& doc, const std::filesystem::path& md_path) {
  const std::filesystem::path folder = ChartFolderFor(md_path);
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) {
    throw Error(
        fmt::format("cannot create the chart folder {}: {}; choose an --md path in a "
                    "writable folder",
                    ForTerminal(folder.string()), ec.message()));
  }
  std::size_t chart = 0;
  for (const auto& s : doc.sections) {
    for (const auto& c : s.charts) {
      WriteFileAtomically(folder / fmt::format("chart-{}.svg", ++chart), c.svg + "\n");
    }
  }
  WriteFileAtomically(md_path, RenderMarkdown(doc, folder.filename().string()));
}

}  // namespace benchctl
