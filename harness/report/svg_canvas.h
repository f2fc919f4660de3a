// A small SVG writer: the primitives charts are drawn with (lines, points, bands, text, axes).
// Every text and attribute taken from outside goes through ForHtml here, so chart code cannot
// forget it. The output is a complete <svg> element with no script, link or external font.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "svg_scale.h"

namespace benchctl {

// Formats a tick value for an axis label ("1.5 ms", "2×").
using TickFormat = std::function<std::string(double)>;

class SvgCanvas {
 public:
  // `label` is the chart's accessible name (aria-label), shown by screen readers.
  SvgCanvas(double width, double height, std::string_view label);

  // A straight line; `css_class` selects its style in the page's stylesheet, `colour` ("" for
  // the class's) overrides its stroke.
  void Line(double x1, double y1, double x2, double y2, std::string_view css_class,
            std::string_view colour = "");
  // A point with a tooltip: class "dot" is one process's value (tests count them), "estimate"
  // a point estimate.
  void Point(double x, double y, double radius, std::string_view colour, std::string_view tooltip,
             std::string_view css_class = "dot");
  // A filled rectangle: an interval band or a noise band.
  void Band(double x1, double y1, double x2, double y2, std::string_view css_class);
  // Text; `anchor` is "start", "middle" or "end".
  void Text(double x, double y, std::string_view text, std::string_view anchor,
            std::string_view css_class = "");
  // A horizontal value axis at `y` from the scale's low to its high pixel, with grid lines up
  // to `grid_top`, tick labels below and `title` under them.
  void AxisX(const Scale& scale, double y, double grid_top, const TickFormat& format,
             std::string_view title);

  // A vertical value axis at `x` from the scale's low to its high pixel, with grid lines across
  // to `grid_right`, tick labels left of it and `title` above it.
  void AxisY(const Scale& scale, double x, double grid_right, const TickFormat& format,
             std::string_view title);

  // The finished <svg> element.
  std::string Finish() const;

 private:
  double width_, height_;
  std::string label_;
  std::string body_;
};

// A number for an attribute: one decimal, so output is stable and tests can compare it.
std::string Px(double value);

}  // namespace benchctl
