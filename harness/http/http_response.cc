#include "http_response.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace benchctl {
namespace {

// Longest response head accepted: a plaintext response's is about 150 bytes.
constexpr std::size_t kMaxHead = 16 << 10;
constexpr std::size_t kMaxBody = 1 << 20;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

ParsedResponse Invalid(std::string problem) {
  ParsedResponse p;
  p.state = ParsedResponse::State::kInvalid;
  p.problem = std::move(problem);
  return p;
}

// What a server sent, shortened and with control bytes escaped, for messages.
std::string Excerpt(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 60)) {
    if (c == '\r') {
      out += "\\r";
    } else if (c == '\n') {
      out += "\\n";
    } else if (std::isprint(static_cast<unsigned char>(c))) {
      out += c;
    } else {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    }
  }
  return s.size() > 60 ? out + "..." : out;
}

}  // namespace

std::optional<std::string> HttpResponse::Header(std::string_view name) const {
  auto it = headers.find(std::string(name));
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

ParsedResponse ParseHttpResponse(std::string_view buffer, bool until_close) {
  const std::size_t head_end = buffer.find("\r\n\r\n");
  if (head_end == std::string_view::npos) {
    if (buffer.size() > kMaxHead) return Invalid("a response head longer than 16 KiB");
    constexpr std::string_view kPrefix = "HTTP/";
    const std::size_t n = std::min(buffer.size(), kPrefix.size());
    if (buffer.substr(0, n) != kPrefix.substr(0, n)) {
      return Invalid(fmt::format("not an HTTP response: \"{}\"", Excerpt(buffer)));
    }
    return {};
  }
  std::string_view head = buffer.substr(0, head_end);
  ParsedResponse p;
  HttpResponse& r = p.response;
  std::size_t line_end = head.find("\r\n");
  std::string_view status_line = head.substr(0, line_end);
  // "HTTP/1.1 200 OK": version, space, three digits, then an optional reason.
  if (status_line.size() < 12 || !status_line.starts_with("HTTP/1.") || status_line[8] != ' ' ||
      (status_line.size() > 12 && status_line[12] != ' ')) {
    return Invalid(fmt::format("a malformed status line \"{}\"", Excerpt(status_line)));
  }
  r.version = std::string(status_line.substr(0, 8));
  auto [ptr, ec] = std::from_chars(status_line.data() + 9, status_line.data() + 12, r.status);
  if (ec != std::errc() || ptr != status_line.data() + 12 || r.status < 100) {
    return Invalid(fmt::format("a malformed status line \"{}\"", Excerpt(status_line)));
  }
  while (line_end != std::string_view::npos) {
    const std::size_t start = line_end + 2;
    line_end = head.find("\r\n", start);
    std::string_view line = head.substr(
        start, line_end == std::string_view::npos ? std::string_view::npos : line_end - start);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return Invalid(fmt::format("a malformed header line \"{}\"", Excerpt(line)));
    }
    std::string name = Lower(line.substr(0, colon));
    if (r.headers.count(name) != 0) return Invalid(fmt::format("header {} sent twice", name));
    r.headers[name] = std::string(Trim(line.substr(colon + 1)));
  }
  if (r.headers.count("transfer-encoding") != 0) {
    return Invalid("a Transfer-Encoding body (the plaintext test needs Content-Length)");
  }
  std::size_t length = 0;
  if (auto cl = r.Header("content-length")) {
    auto [end, err] = std::from_chars(cl->data(), cl->data() + cl->size(), length);
    if (err != std::errc() || end != cl->data() + cl->size() || length > kMaxBody) {
      return Invalid(fmt::format("a bad Content-Length \"{}\"", Excerpt(*cl)));
    }
  } else if (until_close) {
    length = buffer.size() - (head_end + 4);
  } else if (r.status != 204 && r.status != 304 && r.status >= 200) {
    return Invalid(fmt::format("a {} response without Content-Length", r.status));
  }
  const std::size_t body_start = head_end + 4;
  if (buffer.size() < body_start + length) return {};
  r.body = std::string(buffer.substr(body_start, length));
  p.state = ParsedResponse::State::kComplete;
  p.consumed = body_start + length;
  return p;
}

}  // namespace benchctl
