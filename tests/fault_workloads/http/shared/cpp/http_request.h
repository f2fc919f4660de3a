// HTTP/1.1 request-head parsing for the fault servers: just enough to tell a request from
// garbage, find the path, the keep-alive decision and the length of a body to skip.
#pragma once

#include <cstddef>
#include <string_view>

namespace fault_http {

// Header block size limit: a client that sends more without a blank line is not speaking HTTP.
inline constexpr std::size_t kMaxHead = 8192;
// Bodies are skipped, not read; anything larger is refused rather than buffered.
inline constexpr std::size_t kMaxBody = 1 << 20;

struct Request {
  std::string_view method;
  std::string_view target;
  bool keep_alive = true;
  std::size_t content_length = 0;
};

// RFC 9110 token characters (methods and header names).
inline bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

inline bool IsToken(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsTokenChar(c)) return false;
  }
  return true;
}

inline char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

inline std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// True if `list` (a comma-separated header value) holds `token`, case-insensitively.
inline bool ListHas(std::string_view list, std::string_view token) {
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    if (EqualsIgnoreCase(Trim(list.substr(0, comma)), token)) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

// Parses "METHOD SP target SP HTTP/1.x" (no CRLF). False if it is not an HTTP/1 request line.
inline bool ParseRequestLine(std::string_view line, Request& r, bool& http10) {
  const std::size_t sp1 = line.find(' ');
  if (sp1 == std::string_view::npos) return false;
  const std::size_t sp2 = line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos) return false;
  r.method = line.substr(0, sp1);
  r.target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  const std::string_view version = line.substr(sp2 + 1);
  if (!IsToken(r.method) || r.target.empty()) return false;
  for (char c : r.target) {
    if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) return false;
  }
  if (version == "HTTP/1.1") {
    http10 = false;
  } else if (version == "HTTP/1.0") {
    http10 = true;
  } else {
    return false;
  }
  return true;
}

// Parses the header lines of a head (each ending in CRLF, the blank line excluded).
// False on a malformed line or a framing this server does not support.
inline bool ParseHeaders(std::string_view headers, Request& r, bool http10) {
  bool keep_alive_asked = false;
  bool close_asked = false;
  while (!headers.empty()) {
    const std::size_t eol = headers.find("\r\n");
    if (eol == std::string_view::npos) return false;
    const std::string_view line = headers.substr(0, eol);
    headers.remove_prefix(eol + 2);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || !IsToken(line.substr(0, colon))) return false;
    const std::string_view name = line.substr(0, colon);
    const std::string_view value = Trim(line.substr(colon + 1));
    if (EqualsIgnoreCase(name, "connection")) {
      close_asked = close_asked || ListHas(value, "close");
      keep_alive_asked = keep_alive_asked || ListHas(value, "keep-alive");
    } else if (EqualsIgnoreCase(name, "content-length")) {
      if (value.empty() || value.size() > 9) return false;
      std::size_t n = 0;
      for (char c : value) {
        if (c < '0' || c > '9') return false;
        n = n * 10 + static_cast<std::size_t>(c - '0');
      }
      if (n > kMaxBody) return false;
      r.content_length = n;
    } else if (EqualsIgnoreCase(name, "transfer-encoding")) {
      return false;  // Chunked bodies are not needed for this suite; refusing is allowed.
    }
  }
  r.keep_alive = http10 ? keep_alive_asked && !close_asked : !close_asked;
  return true;
}

}  // namespace fault_http
