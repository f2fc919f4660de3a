// A minimal blocking HTTP/1.1 client on one loopback TCP connection, with a
// deadline on every wait: what benchctl checks a server with before any load.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "http_response.h"

namespace benchctl {

// One connection to 127.0.0.1:port. Errors are returned as text, never thrown:
// a server's misbehaviour is a finding, not a benchctl failure.
class HttpConnection {
 public:
  HttpConnection() = default;
  ~HttpConnection();
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;

  // "" when connected within `timeout`, else why not.
  std::string Connect(int port, std::chrono::milliseconds timeout);
  // "" when all of `bytes` was written.
  std::string Send(std::string_view bytes);
  // Reads `count` responses in order into `out`; "" when all arrived within
  // `timeout`, else what went wrong (closed, invalid, too slow) after how many.
  std::string Receive(std::size_t count, std::vector<HttpResponse>& out,
                      std::chrono::milliseconds timeout);
  // After a request the server should refuse: waits up to `timeout` for one
  // response or the connection to close. `answered` tells whether a response
  // came (a body may run until the close); "" unless neither happened or what
  // arrived is not HTTP.
  std::string ReceiveOrClose(HttpResponse& out, bool& answered, std::chrono::milliseconds timeout);

 private:
  // Reads what is there within the deadline; 0 bytes = closed; -1 = timed out or failed.
  long ReadSome(std::chrono::steady_clock::time_point deadline, std::string& error);

  int fd_ = -1;
  std::string buffer_;  // Received, not yet parsed.
};

// A GET request for `path` with the Host header a client sends.
std::string GetRequest(std::string_view path, int port);

}  // namespace benchctl
