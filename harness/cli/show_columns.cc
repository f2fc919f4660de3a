#include "show_columns.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "interval_coverage.h"
#include "text_width.h"

namespace benchctl {
namespace {

constexpr std::size_t kGap = 2;  // Spaces between columns.

std::string SuffixOf(const ShowColumn& c, std::size_t row) {
  return row < c.suffixes.size() ? c.suffixes[row] : std::string();
}

std::size_t ColumnWidth(const ShowColumn& c) {
  std::size_t w = DisplayWidth(c.header);
  for (std::size_t r = 0; r < c.cells.size(); ++r) {
    w = std::max(w, DisplayWidth(c.cells[r]) + DisplayWidth(SuffixOf(c, r)));
  }
  return w;
}

bool IsEmpty(const ShowColumn& c) {
  return std::all_of(c.cells.begin(), c.cells.end(), [](const auto& s) { return s.empty(); });
}

std::size_t TotalWidth(const std::vector<std::size_t>& widths, std::size_t indent) {
  std::size_t total = indent;
  for (std::size_t w : widths) total += w;
  return total + (widths.empty() ? 0 : kGap * (widths.size() - 1));
}

}  // namespace

std::string LayOutColumns(std::vector<ShowColumn> columns, std::size_t indent, std::size_t width,
                          std::vector<std::string>* dropped) {
  std::erase_if(columns, IsEmpty);
  std::vector<std::size_t> widths;
  for (const auto& c : columns) widths.push_back(ColumnWidth(c));
  // Drops the least needed column of rank >= `min_rank`; false when there is none.
  auto drop_one = [&](int min_rank) {
    auto most = std::max_element(columns.begin(), columns.end(), [](const auto& a, const auto& b) {
      return a.drop_rank < b.drop_rank;
    });
    if (most == columns.end() || most->drop_rank == 0 || most->drop_rank < min_rank) return false;
    if (dropped != nullptr) dropped->push_back(most->header);
    widths.erase(widths.begin() + (most - columns.begin()));
    columns.erase(most);
    return true;
  };
  while (TotalWidth(widths, indent) > width && drop_one(kDropBeforeShrinking)) {
  }
  // Then shorten the name column: a name is readable with an ellipsis, a dropped number not.
  for (std::size_t i = 0; i < columns.size() && TotalWidth(widths, indent) > width; ++i) {
    if (!columns[i].shrinkable || widths[i] <= columns[i].min_width) continue;
    const std::size_t over = TotalWidth(widths, indent) - width;
    widths[i] = std::max(columns[i].min_width, widths[i] > over ? widths[i] - over : 0);
  }
  while (TotalWidth(widths, indent) > width && drop_one(1)) {
  }
  std::size_t rows = 0;
  for (const auto& c : columns) rows = std::max(rows, c.cells.size());
  std::string out;
  auto line = [&](auto cell_of, auto suffix_of) {
    std::string text(indent, ' ');
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const std::string suffix = suffix_of(columns[i]);
      const std::size_t suffix_width = std::min(DisplayWidth(suffix), widths[i]);
      std::string cell = TruncateToWidth(cell_of(columns[i]), widths[i] - suffix_width) + suffix;
      if (i > 0) text += std::string(kGap, ' ');
      text += columns[i].right_aligned ? PadLeft(cell, widths[i]) : PadRight(cell, widths[i]);
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  };
  line([](const ShowColumn& c) { return c.header; }, [](const ShowColumn&) { return ""; });
  for (std::size_t r = 0; r < rows; ++r) {
    line([r](const ShowColumn& c) { return r < c.cells.size() ? c.cells[r] : std::string(); },
         [r](const ShowColumn& c) { return SuffixOf(c, r); });
  }
  return out;
}

std::string CoverageHeader(const std::vector<double>& coverages, std::string* note) {
  if (coverages.empty()) return "";  // No interval to label.
  std::set<std::string> below;
  for (double c : coverages) {
    if (c >= kTargetConfidence) continue;
    below.insert(CoverageLabel(c));
  }
  if (below.empty()) return "[95% CI]";
  if (below.size() == 1 && coverages.size() > 0 &&
      std::all_of(coverages.begin(), coverages.end(),
                  [&](double c) { return CoverageLabel(c) == *below.begin(); })) {
    return "[" + *below.begin() + "]";  // Every interval has the same, lower, coverage.
  }
  if (note != nullptr) *note = fmt::format("{}", fmt::join(below, ", "));
  return "[CI]";
}

std::string CompactTimeInterval(double median, double low, double high) {
  double scale = 1;
  const char* unit = "ns";
  if (std::abs(median) >= 1e9) {
    scale = 1e9;
    unit = "s";
  } else if (std::abs(median) >= 1e6) {
    scale = 1e6;
    unit = "ms";
  } else if (std::abs(median) >= 1e3) {
    scale = 1e3;
    unit = "µs";
  }
  const double m = median / scale;
  // Four significant digits for the median; the ends in the same unit and decimals.
  const int decimals = std::abs(m) >= 100 ? 1 : std::abs(m) >= 10 ? 2 : 3;
  return fmt::format("{:.{}f} [{:.{}f}, {:.{}f}] {}", m, decimals, low / scale, decimals,
                     high / scale, decimals, unit);
}

}  // namespace benchctl
