// Column layout for `benchctl show`'s tables: widths from the cells, empty columns dropped,
// and, in the default view, the table fitted to a width (the name column shortened with '…',
// then the least important columns dropped). Cells hold escaped text (escape.h).
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace benchctl {

// How `show` lays out its text: the default fits `width` columns; --wide keeps everything.
struct ShowOptions {
  bool wide = false;
  std::size_t width = 100;
};

inline constexpr int kDropBeforeShrinking = 5;

struct ShowColumn {
  std::string header;
  std::vector<std::string> cells;  // One per row; "" is empty.
  // Kept whole after a shortened cell (a row's markers: "[ref]"); one per row or none.
  std::vector<std::string> suffixes;
  bool right_aligned = false;
  // The name column: shortened (down to min_width) before any column is dropped.
  bool shrinkable = false;
  std::size_t min_width = 12;
  // 0: always kept; otherwise dropped when the table does not fit, highest first. Ranks of
  // kDropBeforeShrinking and above go before a name is shortened.
  int drop_rank = 0;
};

// The table, each line indented by `indent` spaces, trailing spaces trimmed: columns with
// every cell empty are left out; with a finite `width`, the table is fitted to it, and the
// headers of the columns dropped to fit are added to `dropped` (when given).
std::string LayOutColumns(std::vector<ShowColumn> columns, std::size_t indent,
                          std::size_t width = std::numeric_limits<std::size_t>::max(),
                          std::vector<std::string>* dropped = nullptr);

// "[95% CI]" when every interval reaches 95%; "[75% CI]" when all have that same, lower,
// coverage; else "[CI]", and `note` (when given) names each coverage below 95%: "93.7% CI,
// 75% CI". "" when there is no interval.
std::string CoverageHeader(const std::vector<double>& coverages, std::string* note);

// "912.6 [865.9, 939.7] µs": a time interval in its median's unit, the unit once.
std::string CompactTimeInterval(double median, double low, double high);

}  // namespace benchctl
