#include "json_depth.h"

#include <utility>
#include <vector>

namespace benchctl {

std::optional<std::size_t> FindExcessNesting(std::string_view text, std::size_t max_depth) {
  std::size_t depth = 0;
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (ch == '\\') {
        escaped = true;
      } else if (ch == '"') {
        in_string = false;
      }
    } else if (ch == '"') {
      in_string = true;
    } else if (ch == '[' || ch == '{') {
      if (++depth > max_depth) return i;
    } else if ((ch == ']' || ch == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

bool NestsDeeperThan(const nlohmann::json& value, std::size_t max_depth) {
  // Depth-first with an explicit stack of (container, its depth).
  std::vector<std::pair<const nlohmann::json*, std::size_t>> stack = {{&value, 0}};
  while (!stack.empty()) {
    auto [v, depth] = stack.back();
    stack.pop_back();
    if (!v->is_structured()) continue;
    if (depth + 1 > max_depth) return true;
    for (const auto& child : *v) stack.push_back({&child, depth + 1});
  }
  return false;
}

}  // namespace benchctl
