// A metric across runs (`benchctl history show --html`): each run's median as a point on a
// line, its interval as a band, and vertical marks where the machine or toolchain changed or
// a change point was found. Built from the svg_* primitives like the report's charts.
#pragma once

#include <string>
#include <vector>

#include "svg_canvas.h"

namespace benchctl {

struct TrendChartPoint {
  std::string label;  // The run (id and date), for the tooltip.
  double median = 0, low = 0, high = 0;
  std::string mark;     // "" or why the run is marked ("machine changed", "change point").
  bool change = false;  // Marked as a detected change point (drawn in the warning colour).
};

struct TrendChartSpec {
  std::string title;                    // Chart label (escaped by the canvas).
  std::string axis_title;               // The value axis ("time per op").
  TickFormat format;                    // Tick and tooltip values.
  std::vector<TrendChartPoint> points;  // Oldest first.
};

// The <svg> element; an empty spec gives a chart that says there is nothing to draw.
std::string TrendChart(const TrendChartSpec& spec);

}  // namespace benchctl
