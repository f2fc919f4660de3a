#include "http_client.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace benchctl {
namespace {

using Clock = std::chrono::steady_clock;

int MillisLeft(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

}  // namespace

HttpConnection::~HttpConnection() {
  if (fd_ >= 0) close(fd_);
}

std::string HttpConnection::Connect(int port, std::chrono::milliseconds timeout) {
  fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd_ < 0) return fmt::format("socket: {}", std::strerror(errno));
  const int one = 1;
  setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) return "";
  if (errno != EINPROGRESS) {
    return fmt::format("connecting to 127.0.0.1:{}: {}", port, std::strerror(errno));
  }
  pollfd p{fd_, POLLOUT, 0};
  if (poll(&p, 1, static_cast<int>(timeout.count())) != 1) {
    return fmt::format("connecting to 127.0.0.1:{}: no answer within {} ms", port, timeout.count());
  }
  int error = 0;
  socklen_t len = sizeof error;
  getsockopt(fd_, SOL_SOCKET, SO_ERROR, &error, &len);
  if (error != 0) return fmt::format("connecting to 127.0.0.1:{}: {}", port, std::strerror(error));
  return "";
}

std::string HttpConnection::Send(std::string_view bytes) {
  const auto deadline = Clock::now() + std::chrono::seconds(5);
  while (!bytes.empty()) {
    ssize_t n = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n > 0) {
      bytes.remove_prefix(static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) {
      pollfd p{fd_, POLLOUT, 0};
      if (poll(&p, 1, MillisLeft(deadline)) == 1) continue;
      return "the server did not read the request within 5 s";
    }
    return fmt::format("sending the request: {}", std::strerror(errno));
  }
  return "";
}

long HttpConnection::ReadSome(Clock::time_point deadline, std::string& error) {
  while (true) {
    char chunk[16 << 10];
    ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
    if (n >= 0) {
      buffer_.append(chunk, static_cast<std::size_t>(n));
      return n;
    }
    if (errno == EINTR) continue;
    if (errno == ECONNRESET) return 0;  // Reset: closed, for what the checks need.
    if (errno != EAGAIN) {
      error = fmt::format("reading: {}", std::strerror(errno));
      return -1;
    }
    pollfd p{fd_, POLLIN, 0};
    const int left = MillisLeft(deadline);
    if (left == 0 || poll(&p, 1, left) != 1) {
      error = "timeout";
      return -1;
    }
  }
}

std::string HttpConnection::Receive(std::size_t count, std::vector<HttpResponse>& out,
                                    std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  const std::size_t start = out.size();
  while (out.size() - start < count) {
    ParsedResponse p = ParseHttpResponse(buffer_);
    if (p.state == ParsedResponse::State::kInvalid) {
      return fmt::format("response {} of {}: {}", out.size() - start + 1, count, p.problem);
    }
    if (p.state == ParsedResponse::State::kComplete) {
      out.push_back(std::move(p.response));
      buffer_.erase(0, p.consumed);
      continue;
    }
    std::string error;
    long n = ReadSome(deadline, error);
    const std::size_t got = out.size() - start;
    if (n == 0) {
      return fmt::format("the server closed the connection after {} of {} responses", got, count);
    }
    if (n < 0 && error == "timeout") {
      return fmt::format("only {} of {} responses arrived within {} ms", got, count,
                         timeout.count());
    }
    if (n < 0) return error;
  }
  return "";
}

std::string HttpConnection::ReceiveOrClose(HttpResponse& out, bool& answered,
                                           std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  answered = false;
  while (true) {
    ParsedResponse p = ParseHttpResponse(buffer_);
    if (p.state == ParsedResponse::State::kComplete) {
      out = std::move(p.response);
      buffer_.erase(0, p.consumed);
      answered = true;
      return "";
    }
    std::string error;
    long n = ReadSome(deadline, error);
    if (n == 0) {
      if (buffer_.empty()) return "";  // Closed without a word: refused.
      p = ParseHttpResponse(buffer_, true);
      if (p.state != ParsedResponse::State::kComplete) {
        return p.state == ParsedResponse::State::kInvalid ? p.problem
                                                          : "a partial response, then a close";
      }
      out = std::move(p.response);
      buffer_.clear();
      answered = true;
      return "";
    }
    if (n < 0 && error == "timeout") {
      return fmt::format("neither an answer nor a closed connection within {} ms", timeout.count());
    }
    if (n < 0) return error;
  }
}

std::string GetRequest(std::string_view path, int port) {
  return fmt::format("GET {} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nUser-Agent: benchctl\r\n\r\n", path,
                     port);
}

}  // namespace benchctl
