#include "report_document.h"

#include <fmt/format.h>

namespace benchctl {

std::string AnchorFor(const std::string& title, std::size_t index) {
  std::string anchor;
  bool dash = false;
  for (char c : title) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    const bool upper = c >= 'A' && c <= 'Z';
    if (word || upper) {
      if (dash && !anchor.empty()) anchor += '-';
      anchor += upper ? static_cast<char>(c - 'A' + 'a') : c;
      dash = false;
    } else {
      dash = true;
    }
  }
  return fmt::format("{}-{}", anchor.empty() ? "section" : anchor, index);
}

}  // namespace benchctl
