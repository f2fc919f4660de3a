#include "report_html.h"

#include <fmt/format.h>

#include "escape.h"

namespace benchctl {
namespace {

// Readable at 1280 px (two charts side by side), one column on narrow screens, and in print
// (no backgrounds needed, sections do not split a chart).
constexpr const char* kStyle = R"(
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; margin: 0 auto; max-width: 1320px; padding: 16px 24px; color: #111;
  line-height: 1.4; font-size: 14px; }
h1 { font-size: 24px; margin: 8px 0 2px; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #ccc; padding-bottom: 4px; }
.subtitle { color: #555; margin: 0 0 12px; }
.banner { border-left: 6px solid #0072B2; background: #eef5fb; padding: 8px 12px;
  margin: 6px 0; }
.banner.warning { border-left-color: #D55E00; background: #fdf0e8; font-weight: 600; }
nav ul { columns: 2; margin: 8px 0; padding-left: 20px; }
.legend span { display: inline-block; margin-right: 14px; }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 5px;
  margin-right: 4px; vertical-align: middle; }
.charts { display: flex; flex-wrap: wrap; gap: 8px 16px; }
figure { margin: 0; break-inside: avoid; max-width: 100%; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #444; font-size: 12px; max-width: 600px; }
table { border-collapse: collapse; margin: 10px 0 4px; font-size: 13px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
tbody tr:nth-child(even) { background: #fafafa; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: 12px; }
footer { color: #777; margin-top: 32px; font-size: 12px; }
@media print { body { max-width: none; padding: 0; } nav { display: none; }
  section { break-before: auto; } h2 { break-after: avoid; } table { break-inside: auto; } }
)";

void RenderTable(const ReportTable& t, std::string& out) {
  out += "<table>";
  if (!t.caption.empty()) out += "<caption>" + ForHtml(t.caption) + "</caption>";
  out += "<thead><tr>";
  for (const auto& h : t.header) out += "<th>" + ForHtml(h) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (const auto& cell : row) out += "<td>" + ForHtml(cell) + "</td>";
    out += "</tr>\n";
  }
  out += "</tbody></table>\n";
}

void RenderSection(const ReportSection& s, std::string& out) {
  out += fmt::format("<section id=\"{}\">\n<h2>{}</h2>\n", ForHtml(s.anchor), ForHtml(s.title));
  for (const auto& note : s.notes) out += "<p>" + ForHtml(note) + "</p>\n";
  if (!s.facts.empty()) {
    out += "<dl class=\"facts\">\n";
    for (const auto& f : s.facts) {
      const std::string value = ForHtml(f.value);
      out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", ForHtml(f.key),
                         f.code ? "<code>" + value + "</code>" : value);
    }
    out += "</dl>\n";
  }
  if (!s.charts.empty()) {
    out += "<div class=\"charts\">\n";
    for (const auto& c : s.charts) {
      // The SVG was built by SvgCanvas, which escaped every name in it.
      out +=
          "<figure>" + c.svg + "\n<figcaption>" + ForHtml(c.caption) + "</figcaption></figure>\n";
    }
    out += "</div>\n";
  }
  for (const auto& t : s.tables) RenderTable(t, out);
  out += "</section>\n";
}

}  // namespace

std::string RenderHtml(const ReportDocument& doc) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + ForHtml(doc.title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n";
  out += "<body>\n<header>\n<h1>" + ForHtml(doc.title) + "</h1>\n";
  out += "<p class=\"subtitle\">" + ForHtml(doc.subtitle) + "</p>\n";
  for (const auto& b : doc.banners) {
    out += fmt::format("<p class=\"banner{}\">{}</p>\n",
                       b.kind == BannerKind::kWarning ? " warning" : "", ForHtml(b.text));
  }
  if (!doc.legend.empty()) {
    out += "<p class=\"legend\">Colours: ";
    for (const auto& [lang, colour] : doc.legend) {
      out += fmt::format("<span><i style=\"background:{}\"></i>{}</span>", ForHtml(colour),
                         ForHtml(lang));
    }
    out += "</p>\n";
  }
  out += "<nav><ul>\n";
  for (const auto& s : doc.sections) {
    out += fmt::format("<li><a href=\"#{}\">{}</a></li>\n", ForHtml(s.anchor), ForHtml(s.title));
  }
  out += "</ul></nav>\n</header>\n<main>\n";
  for (const auto& s : doc.sections) RenderSection(s, out);
  out +=
      "</main>\n<footer>Written by benchctl report from the result files named above; "
      "per-process values are the files' own.</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace benchctl
