#include "svg_canvas.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "escape.h"

namespace benchctl {

std::string Px(double value) { return fmt::format("{:.1f}", value); }

SvgCanvas::SvgCanvas(double width, double height, std::string_view label)
    : width_(width), height_(height), label_(label) {}

void SvgCanvas::Line(double x1, double y1, double x2, double y2, std::string_view css_class,
                     std::string_view colour) {
  body_ += fmt::format(R"(<line class="{}" x1="{}" y1="{}" x2="{}" y2="{}"{}/>)",
                       ForHtml(css_class), Px(x1), Px(y1), Px(x2), Px(y2),
                       colour.empty() ? "" : fmt::format(R"( stroke="{}")", ForHtml(colour)));
  body_ += '\n';
}

void SvgCanvas::Point(double x, double y, double radius, std::string_view colour,
                      std::string_view tooltip, std::string_view css_class) {
  body_ += fmt::format(
      R"(<circle class="{}" cx="{}" cy="{}" r="{}" fill="{}"><title>{}</title></circle>)",
      ForHtml(css_class), Px(x), Px(y), Px(radius), ForHtml(colour), ForHtml(tooltip));
  body_ += '\n';
}

void SvgCanvas::Band(double x1, double y1, double x2, double y2, std::string_view css_class) {
  const double left = std::min(x1, x2), top = std::min(y1, y2);
  body_ +=
      fmt::format(R"(<rect class="{}" x="{}" y="{}" width="{}" height="{}"/>)", ForHtml(css_class),
                  Px(left), Px(top), Px(std::abs(x2 - x1)), Px(std::abs(y2 - y1)));
  body_ += '\n';
}

void SvgCanvas::Text(double x, double y, std::string_view text, std::string_view anchor,
                     std::string_view css_class) {
  body_ += fmt::format(
      R"(<text x="{}" y="{}" text-anchor="{}"{}>{}</text>)", Px(x), Px(y), ForHtml(anchor),
      css_class.empty() ? "" : fmt::format(R"( class="{}")", ForHtml(css_class)), ForHtml(text));
  body_ += '\n';
}

void SvgCanvas::AxisX(const Scale& scale, double y, double grid_top, const TickFormat& format,
                      std::string_view title) {
  Line(scale(scale.Low()), y, scale(scale.High()), y, "axis");
  for (double tick : scale.Ticks()) {
    const double x = scale(tick);
    Line(x, grid_top, x, y, "grid");
    Text(x, y + 14, format(tick), "middle", "tick");
  }
  if (!title.empty()) {
    Text((scale(scale.Low()) + scale(scale.High())) / 2, y + 30, title, "middle", "axis-title");
  }
}

void SvgCanvas::AxisY(const Scale& scale, double x, double grid_right, const TickFormat& format,
                      std::string_view title) {
  Line(x, scale(scale.Low()), x, scale(scale.High()), "axis");
  for (double tick : scale.Ticks()) {
    const double y = scale(tick);
    Line(x, y, grid_right, y, "grid");
    Text(x - 4, y + 4, format(tick), "end", "tick");
  }
  if (!title.empty()) Text(x, scale(scale.High()) - 8, title, "start", "axis-title");
}

std::string SvgCanvas::Finish() const {
  // Presentation attributes beside the classes keep the chart readable as a lone .svg file
  // (Markdown output), where the page's stylesheet is absent.
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"{2}\" "
      "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, "
      "sans-serif\" font-size=\"11\">\n"
      "<style>line{{stroke:#333}}.axis{{stroke:#333}}.grid{{stroke:#e3e3e3}}.ci{{stroke-width:3}}"
      ".median{{stroke-width:2}}.unity{{stroke:#555;stroke-dasharray:4 3}}"
      ".noise{{fill:#f3e6b3}}.lane{{fill:#f7f7f7}}.tick{{fill:#444}}"
      ".axis-title{{fill:#222}}.label{{fill:#111}}.note{{fill:#666;font-style:italic}}"
      ".dot{{fill-opacity:0.55}}.trend{{stroke:#0072B2;stroke-width:1.5}}.band{{fill:#cfe3f3}}"
      ".change{{stroke:#D55E00;stroke-dasharray:4 3}}</style>\n{3}</svg>",
      Px(width_), Px(height_), ForHtml(label_), body_);
}

}  // namespace benchctl
