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

std::vector<std::string> PlaceholderKeys(const std::string& text) {
  std::vector<std::string> keys;
  std::size_t open = text.find('{');
  while (open != std::string::npos) {
    std::size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    keys.push_back(text.substr(open + 1, close - open - 1));
    open = text.find('{', close);
  }
  return keys;
}

std::vector<std::string> ExpandArgv(const std::vector<std::string>& argv,
                                    const std::map<std::string, std::string>& values,
                                    const std::map<std::string, std::vector<std::string>>& lists) {
  std::vector<std::string> out;
  for (const auto& arg : argv) {
    // "-l{libraries}" or "{dir}/{sources}" with a list value becomes one
    // argument per element; the other placeholders expand as usual.
    const std::vector<std::string>* list = nullptr;
    std::string list_key;
    for (const auto& key : PlaceholderKeys(arg)) {
      if (auto it = lists.find(key); it != lists.end()) {
        list = &it->second;
        list_key = "{" + key + "}";
        break;
      }
    }
    if (list == nullptr) {
      out.push_back(ExpandPlaceholders(arg, values));
      continue;
    }
    std::size_t at = arg.find(list_key);
    for (const auto& item : *list) {
      out.push_back(ExpandPlaceholders(arg.substr(0, at), values) + item +
                    ExpandPlaceholders(arg.substr(at + list_key.size()), values));
    }
  }
  return out;
}

}  // namespace benchctl
