#include "placeholders.h"

#include <fmt/format.h>

#include "error.h"

namespace benchctl {

std::string ExpandPlaceholders(const std::string& text,
                               const std::map<std::string, std::string>& values) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t open = text.find('{', i);
    if (open == std::string::npos) {
      out += text.substr(i);
      break;
    }
    std::size_t close = text.find('}', open);
    if (close == std::string::npos) throw Error("unclosed `{` in \"" + text + "\"");
    out += text.substr(i, open - i);
    std::string key = text.substr(open + 1, close - open - 1);
    auto it = values.find(key);
    if (it == values.end()) {
      std::string known;
      for (const auto& [k, v] : values) known += (known.empty() ? "" : ", ") + k;
      throw Error(fmt::format("unknown placeholder {{{}}} in \"{}\"; known: {}", key, text, known));
    }
    out += it->second;
    i = close + 1;
  }
  return out;
}

std::vector<std::string> ExpandArgv(const std::vector<std::string>& argv,
                                    const std::map<std::string, std::string>& values,
                                    const std::map<std::string, std::vector<std::string>>& lists) {
  std::vector<std::string> out;
  for (const auto& arg : argv) {
    // "-l{libraries}" with a list value becomes one argument per element.
    std::size_t open = arg.find('{');
    std::size_t close = arg.find('}', open == std::string::npos ? 0 : open);
    if (open != std::string::npos && close != std::string::npos) {
      auto it = lists.find(arg.substr(open + 1, close - open - 1));
      if (it != lists.end()) {
        for (const auto& item : it->second) {
          out.push_back(
              ExpandPlaceholders(arg.substr(0, open) + item + arg.substr(close + 1), values));
        }
        continue;
      }
    }
    out.push_back(ExpandPlaceholders(arg, values));
  }
  return out;
}

}  // namespace benchctl
