#include "text_width.h"

#include <algorithm>

namespace benchctl {
namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The byte length of the first `columns` code points of `text`.
std::size_t PrefixBytes(std::string_view text, std::size_t columns) {
  std::size_t i = 0;
  for (std::size_t seen = 0; i < text.size(); ++i) {
    if (!IsContinuation(text[i]) && seen++ == columns) break;
  }
  return i;
}

// One over-long line, broken at spaces.
void WrapLine(std::string_view line, std::size_t width, std::string& out) {
  const std::size_t first = line.find_first_not_of(' ');
  const std::size_t indent = std::min(first, width / 2);
  const std::size_t next_indent = std::min(indent + 4, width / 2);
  std::string current(indent, ' ');
  std::size_t current_width = indent;
  bool empty = true;  // Whether `current` holds only its indent.
  std::size_t pos = first;
  while (pos < line.size()) {
    std::size_t end = line.find(' ', pos);
    if (end == std::string_view::npos) end = line.size();
    std::string_view word = line.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    const std::size_t word_width = DisplayWidth(word);
    if (!empty && current_width + 1 + word_width > width) {
      out += current + "\n";
      current = std::string(next_indent, ' ');
      current_width = next_indent;
      empty = true;
    }
    // A word wider than a whole line is cut into line-sized pieces.
    while (empty && current_width + word_width > width) {
      const std::size_t fits = width - current_width;
      const std::size_t bytes = PrefixBytes(word, fits);
      out += current + std::string(word.substr(0, bytes)) + "\n";
      word.remove_prefix(bytes);
      current = std::string(next_indent, ' ');
      current_width = next_indent;
      const std::size_t left = DisplayWidth(word);
      if (left + current_width <= width) break;
    }
    const std::size_t left_width = DisplayWidth(word);
    if (!empty) {
      current += ' ';
      ++current_width;
    }
    current += word;
    current_width += left_width;
    empty = false;
  }
  if (!empty) out += current + "\n";
}

}  // namespace

std::size_t DisplayWidth(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !IsContinuation(c); }));
}

std::string TruncateToWidth(std::string_view text, std::size_t width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  if (width == 0) return "";
  return std::string(text.substr(0, PrefixBytes(text, width - 1))) + "…";
}

std::string PadRight(std::string_view text, std::size_t width) {
  const std::size_t w = DisplayWidth(text);
  return std::string(text) + std::string(w < width ? width - w : 0, ' ');
}

std::string PadLeft(std::string_view text, std::size_t width) {
  const std::size_t w = DisplayWidth(text);
  return std::string(w < width ? width - w : 0, ' ') + std::string(text);
}

std::string WrapToWidth(std::string_view text, std::size_t width) {
  std::string out;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    if (DisplayWidth(line) <= width || line.find_first_not_of(' ') == std::string_view::npos) {
      out += line;
      if (end != std::string_view::npos) out += '\n';
    } else {
      WrapLine(line, width, out);
      if (end == std::string_view::npos) out.pop_back();  // The input had no final newline.
    }
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

}  // namespace benchctl
