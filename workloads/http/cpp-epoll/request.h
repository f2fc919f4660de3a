// Parsing one HTTP/1.1 request head from the front of a connection's input.
#pragma once

#include <cstddef>
#include <string_view>

struct Request {
  std::string_view method;
  std::string_view target;
  bool keep_alive = true;
};

struct ParsedRequest {
  enum class Outcome {
    kIncomplete,  // no blank line yet: read more
    kRequest,     // `request` and `length` are set
    kBad,         // not a request this server accepts: answer 400 and close
    kTooLarge,    // no blank line within the input capacity: answer 431 and close
  };
  Outcome outcome = Outcome::kIncomplete;
  Request request;
  std::size_t length = 0;  // bytes of the head, blank line included
};

// Parses the request head at the front of `input`, whose buffer holds at most `capacity` bytes.
// The views in the result point into `input`. A request with a body (Content-Length or
// Transfer-Encoding) is kBad: the suite sends only GETs.
ParsedRequest ParseRequest(std::string_view input, std::size_t capacity);
