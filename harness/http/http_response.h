// Reading HTTP/1.1 responses out of a byte stream, strictly enough to check a
// server: status line, headers (names case-insensitive), a Content-Length
// body. Chunked bodies are not needed for the plaintext test and are refused.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace benchctl {

struct HttpResponse {
  std::string version;  // "HTTP/1.1".
  int status = 0;
  std::map<std::string, std::string> headers;  // Lower-case name -> value, trimmed.
  std::string body;

  // The header's value, or nullopt; `name` in lower case.
  std::optional<std::string> Header(std::string_view name) const;
};

// Takes one complete response off the front of `buffer`.
struct ParsedResponse {
  enum class State { kComplete, kIncomplete, kInvalid } state = State::kIncomplete;
  HttpResponse response;  // When complete.
  std::size_t consumed = 0;
  std::string problem;  // When invalid: what is wrong.
};
// `until_close`: the connection has closed, so a response without Content-Length
// has the rest of `buffer` as its body (RFC 9112 §6.3; how Go's net/http
// answers a malformed request); otherwise such a response is invalid.
ParsedResponse ParseHttpResponse(std::string_view buffer, bool until_close = false);

}  // namespace benchctl
