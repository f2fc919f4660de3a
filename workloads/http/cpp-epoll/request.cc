#include "request.h"

#include <algorithm>

namespace {

constexpr std::string_view kCrlf = "\r\n";

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// `lower` is lower case already.
bool EqualsIgnoringCase(std::string_view text, std::string_view lower) {
  return std::ranges::equal(text, lower, {}, Lower);
}

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// True if a comma-separated header value holds the token `close`.
bool ListsClose(std::string_view value) {
  while (!value.empty()) {
    const auto comma = value.find(',');
    if (EqualsIgnoringCase(Trim(value.substr(0, comma)), "close")) return true;
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return false;
}

bool IsMethod(std::string_view method) {
  return !method.empty() &&
         std::ranges::all_of(method, [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

ParsedRequest ParseRequest(std::string_view input, std::size_t capacity) {
  ParsedRequest parsed;
  const auto blank = input.find("\r\n\r\n");
  if (blank == std::string_view::npos) {
    if (input.size() >= capacity) parsed.outcome = ParsedRequest::Outcome::kTooLarge;
    return parsed;
  }
  parsed.length = blank + 4;
  parsed.outcome = ParsedRequest::Outcome::kBad;

  // Request line: METHOD SP TARGET SP HTTP/1.x
  std::string_view lines = input.substr(0, blank + kCrlf.size());
  const std::string_view line = lines.substr(0, lines.find(kCrlf));
  lines.remove_prefix(line.size() + kCrlf.size());
  const auto method_end = line.find(' ');
  const auto target_end = line.find(' ', method_end + 1);
  if (target_end == std::string_view::npos) return parsed;
  Request& request = parsed.request;
  request.method = line.substr(0, method_end);
  request.target = line.substr(method_end + 1, target_end - method_end - 1);
  const std::string_view version = line.substr(target_end + 1);
  if (!IsMethod(request.method) || !request.target.starts_with('/')) return parsed;
  if (version == "HTTP/1.0") {
    request.keep_alive = false;  // 1.0 keep-alive is not offered
  } else if (version != "HTTP/1.1") {
    return parsed;
  }

  while (!lines.empty()) {
    const std::string_view header = lines.substr(0, lines.find(kCrlf));
    lines.remove_prefix(header.size() + kCrlf.size());
    const auto colon = header.find(':');
    if (colon == 0 || colon == std::string_view::npos || header.front() == ' ' ||
        header.front() == '\t') {
      return parsed;
    }
    const std::string_view name = header.substr(0, colon);
    if (EqualsIgnoringCase(name, "content-length") ||
        EqualsIgnoringCase(name, "transfer-encoding")) {
      return parsed;
    }
    if (EqualsIgnoringCase(name, "connection") && ListsClose(header.substr(colon + 1))) {
      request.keep_alive = false;
    }
  }
  parsed.outcome = ParsedRequest::Outcome::kRequest;
  return parsed;
}
