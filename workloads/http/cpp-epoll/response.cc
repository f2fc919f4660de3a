#include "response.h"

#include <charconv>

namespace {

// Only the 200 has a body: an empty one keeps the framing right even for an answer to HEAD.
struct Reply {
  std::string_view status_line;
  std::string_view body;
};

constexpr Reply ReplyFor(Status status) {
  switch (status) {
    case Status::kOk:
      return {"HTTP/1.1 200 OK\r\n", "Hello, World!"};
    case Status::kBadRequest:
      return {"HTTP/1.1 400 Bad Request\r\n", ""};
    case Status::kNotFound:
      return {"HTTP/1.1 404 Not Found\r\n", ""};
    case Status::kHeadersTooLarge:
      return {"HTTP/1.1 431 Request Header Fields Too Large\r\n", ""};
  }
  return {};
}

}  // namespace

void AppendResponse(std::string& out, Status status, std::string_view date, bool close) {
  const Reply reply = ReplyFor(status);
  char length[20];
  const auto length_end = std::to_chars(length, length + sizeof length, reply.body.size()).ptr;
  out.append(reply.status_line);
  out.append("Server: cpp-epoll\r\nDate: ");
  out.append(date);
  out.append("\r\nContent-Type: text/plain\r\nContent-Length: ");
  out.append(length, length_end);
  if (close) out.append("\r\nConnection: close");
  out.append("\r\n\r\n");
  out.append(reply.body);
}
