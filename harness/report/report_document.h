// What a report says, independent of its format: a title, banners (quick, incomplete, not
// comparable) and an ordered list of sections, each with notes, charts and tables. The HTML
// page and the Markdown file render the same document, and a later producer (claims) adds a
// section to the list without touching either renderer.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace benchctl {

// A chart: complete SVG markup (its names already escaped by SvgCanvas) and a caption.
struct ReportChart {
  std::string caption;  // Raw text; the renderer escapes it.
  std::string svg;
};

// A table of raw text cells; renderers escape every cell.
struct ReportTable {
  std::string caption;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// A key and its value, for definition lists (the provenance block).
struct ReportFact {
  std::string key, value;
  bool code = false;  // Shown as code: a command line, a hash, flags.
};

struct ReportSection {
  std::string anchor;  // Id for links within the page: letters, digits and '-' only.
  std::string title;
  std::vector<std::string> notes;  // Paragraphs.
  std::vector<ReportFact> facts;
  std::vector<ReportChart> charts;
  std::vector<ReportTable> tables;
};

// A banner's weight: a warning is shown prominently ("quick: not for citing").
enum class BannerKind { kInfo, kWarning };

struct ReportBanner {
  BannerKind kind = BannerKind::kInfo;
  std::string text;
};

struct ReportDocument {
  std::string title;
  std::string subtitle;  // The files and dates.
  std::vector<ReportBanner> banners;
  // Rendered in order. Producers append: groups, the language summary, a comparison, the
  // provenance block, and later claims.
  std::vector<ReportSection> sections;
  // Language → colour of its points, also shown as a legend.
  std::vector<std::pair<std::string, std::string>> legend;
};

// The anchor for a section title: lower-case letters and digits, other runs as '-', with
// `index` appended so anchors are unique.
std::string AnchorFor(const std::string& title, std::size_t index);

}  // namespace benchctl
