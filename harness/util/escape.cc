#include "escape.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace benchctl {
namespace {

// A code point and the length of its UTF-8 sequence; length 0 when the bytes at that position
// do not start a valid sequence (a stray continuation byte, an overlong form, a surrogate, a
// value above U+10FFFF, or a sequence cut short).
struct Decoded {
  char32_t code_point = 0;
  std::size_t length = 0;
};

Decoded DecodeUtf8(std::string_view s, std::size_t i) {
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1};
  std::size_t n = 0;
  char32_t cp = 0;
  unsigned char low = 0x80, high = 0xBF;  // Allowed range of the second byte.
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) low = 0xA0;   // Overlong below.
    if (b0 == 0xED) high = 0x9F;  // Surrogates above.
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    cp = b0 & 0x07;
    if (b0 == 0xF0) low = 0x90;   // Overlong below.
    if (b0 == 0xF4) high = 0x8F;  // Beyond U+10FFFF above.
  } else {
    return {};
  }
  if (i + n > s.size()) return {};
  for (std::size_t k = 1; k < n; ++k) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if (b < (k == 1 ? low : 0x80) || b > (k == 1 ? high : 0xBF)) return {};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, n};
}

// Code points that terminals or text renderers act on instead of showing: C1 controls (U+009B
// is CSI for some terminals), the Arabic letter mark, bidirectional marks, embeddings,
// overrides and isolates (they reorder what is displayed), and the line and paragraph
// separators.
bool IsActingCodePoint(char32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool IsWordByte(const std::string& s, std::size_t i) {
  return i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]));
}

// Appends the HTML entity for &, < and > (and, with `quotes`, " and ') to `out`; false when
// `ch` needs none. Markdown renders raw HTML, so it needs the first three too.
bool AppendHtmlEntity(char ch, bool quotes, std::string& out) {
  switch (ch) {
    case '&':
      out += "&amp;";
      return true;
    case '<':
      out += "&lt;";
      return true;
    case '>':
      out += "&gt;";
      return true;
    case '"':
      if (quotes) out += "&quot;";
      return quotes;
    case '\'':
      if (quotes) out += "&#39;";
      return quotes;
    default:
      return false;
  }
}

}  // namespace

std::string ForTerminal(std::string_view text, Lines lines) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const char ch = text[i];
    const auto u = static_cast<unsigned char>(ch);
    if (u >= 0x20 && u < 0x7F) {
      out += ch;
      ++i;
      continue;
    }
    if (u < 0x80) {
      if ((ch == '\n' || ch == '\t') && lines == Lines::kKeep) {
        out += ch;
      } else if (ch == '\n') {
        out += "\\n";
      } else if (ch == '\r') {
        out += "\\r";
      } else if (ch == '\t') {
        out += "\\t";
      } else {
        out += fmt::format("\\x{:02x}", u);
      }
      ++i;
      continue;
    }
    Decoded d = DecodeUtf8(text, i);
    if (d.length == 0) {
      out += fmt::format("\\x{:02x}", u);
      ++i;
    } else {
      if (IsActingCodePoint(d.code_point)) {
        out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(d.code_point));
      } else {
        out.append(text.substr(i, d.length));
      }
      i += d.length;
    }
  }
  return out;
}

std::string ForMarkdown(std::string_view text) {
  const std::string t = ForTerminal(text);
  std::size_t digits = 0;  // A leading "12." or "12)" starts an ordered list.
  while (digits < t.size() && std::isdigit(static_cast<unsigned char>(t[digits]))) ++digits;
  std::string out;
  out.reserve(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char ch = t[i];
    if (AppendHtmlEntity(ch, /*quotes=*/false, out)) continue;
    switch (ch) {
      case '\\':
      case '`':
      case '*':
      case '[':
      case ']':
      case '|':
      case '~':
      case '$':
      case '#':
        out += '\\';
        out += ch;
        break;
      case '_':
        // Between two letters or digits an underscore cannot open or close emphasis
        // (CommonMark's flanking rules), so names like build_argv stay as they are.
        if (!(i > 0 && IsWordByte(t, i - 1) && IsWordByte(t, i + 1))) out += '\\';
        out += ch;
        break;
      default:
        if ((i == 0 && (ch == '-' || ch == '+' || ch == '=')) ||
            (digits > 0 && i == digits && (ch == '.' || ch == ')'))) {
          out += '\\';
        }
        out += ch;
    }
  }
  return out;
}

std::string ForMarkdownCode(std::string_view text) {
  std::string body;
  for (char ch : ForTerminal(text)) {
    if (ch == '|') body += '\\';  // GFM reads \| in a table cell as a pipe, even in code.
    body += ch;
  }
  std::size_t longest = 0, run = 0;
  for (char ch : body) {
    run = ch == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  // A fence longer than any backtick run inside; the spaces keep a backtick at either end
  // from joining the fence (CommonMark strips one space on each side).
  std::string fence(longest + 1, '`');
  return longest == 0 ? fence + body + fence : fence + " " + body + " " + fence;
}

std::string ForHtml(std::string_view text) {
  std::string out;
  for (char ch : ForTerminal(text)) {
    if (!AppendHtmlEntity(ch, /*quotes=*/true, out)) out += ch;
  }
  return out;
}

std::string ForCsv(std::string_view text) {
  std::string t = ForTerminal(text);
  if (!t.empty() && (t[0] == '=' || t[0] == '+' || t[0] == '-' || t[0] == '@')) {
    t.insert(t.begin(), '\'');
  }
  if (t.find_first_of(",\"") == std::string::npos) return t;
  std::string out = "\"";
  for (char ch : t) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

std::string ForBenchstatName(std::string_view text) {
  std::string out;
  for (char ch : text) {
    auto u = static_cast<unsigned char>(ch);
    out += (u > 0x20 && u < 0x7F && ch != '/') ? ch : '_';
  }
  return out.empty() ? "_" : out;
}

std::string ForBenchstatText(std::string_view text) {
  std::string one_line(text);
  std::replace_if(
      one_line.begin(), one_line.end(), [](char ch) { return ch == '\n' || ch == '\r'; }, ' ');
  return ForTerminal(one_line);
}

std::string ForTerminalJson(std::string_view json_text) {
  std::string out;
  out.reserve(json_text.size());
  for (std::size_t i = 0; i < json_text.size();) {
    const auto u = static_cast<unsigned char>(json_text[i]);
    if (u < 0x80) {
      if (u == 0x7F) {
        out += "\\u007f";
      } else {
        out += json_text[i];
      }
      ++i;
      continue;
    }
    Decoded d = DecodeUtf8(json_text, i);
    if (d.length == 0) {
      out += "\\ufffd";  // nlohmann's dump never writes invalid UTF-8; never pass a raw byte.
      ++i;
    } else {
      if (IsActingCodePoint(d.code_point)) {
        out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(d.code_point));
      } else {
        out.append(json_text.substr(i, d.length));
      }
      i += d.length;
    }
  }
  return out;
}

}  // namespace benchctl
