#include "connection.h"

#include <sys/socket.h>

#include <algorithm>
#include <cerrno>

#include "request.h"
#include "response.h"

namespace {

Status Route(const Request& request) {
  return request.method == "GET" && request.target == "/plaintext" ? Status::kOk
                                                                   : Status::kNotFound;
}

struct Answer {
  Status status;
  bool close;  // the connection closes once the response is sent
};

Answer AnswerFor(const ParsedRequest& parsed) {
  switch (parsed.outcome) {
    case ParsedRequest::Outcome::kRequest:
      return {Route(parsed.request), !parsed.request.keep_alive};
    case ParsedRequest::Outcome::kTooLarge:
      return {Status::kHeadersTooLarge, true};
    default:
      return {Status::kBadRequest, true};
  }
}

}  // namespace

Connection::Connection(UniqueFd socket) : socket_(std::move(socket)) {
  out_.reserve(kOutputHighWater + 512);
}

bool Connection::Serve(benchhttp::DateCache& date) {
  for (bool drained = false;;) {
    // Answer and send what is buffered before reading on: pipelined requests get one send,
    // and a client that stops reading stops being read.
    for (bool more = true; more;) {
      more = AnswerBuffered(date.Now());
      switch (FlushOutput()) {
        case Flush::kSent:
          break;
        case Flush::kBlocked:
          return true;  // the EPOLLOUT edge calls Serve again
        case Flush::kFailed:
          return false;
      }
    }
    if (close_after_flush_) return false;
    if (drained) return true;

    const std::size_t room = in_.size() - in_size_;
    const ssize_t n = ::read(socket_.get(), in_.data() + in_size_, room);
    if (n > 0) {
      in_size_ += static_cast<std::size_t>(n);
      // A short read emptied the socket; with edge triggering, new data brings a new event.
      drained = static_cast<std::size_t>(n) < room;
    } else if (n == 0) {
      return false;
    } else if (errno != EINTR) {
      return errno == EAGAIN;
    }
  }
}

bool Connection::AnswerBuffered(std::string_view date) {
  std::string_view input(in_.data(), in_size_);
  bool at_high_water = false;
  while (!close_after_flush_) {
    if (out_.size() >= kOutputHighWater) {
      at_high_water = true;
      break;
    }
    const ParsedRequest parsed = ParseRequest(input, in_.size());
    if (parsed.outcome == ParsedRequest::Outcome::kIncomplete) break;
    const Answer answer = AnswerFor(parsed);
    close_after_flush_ = answer.close;
    AppendResponse(out_, answer.status, date, answer.close);
    input.remove_prefix(parsed.length);
  }
  // The unanswered tail moves to the front, where the next read appends to it.
  std::copy(input.begin(), input.end(), in_.begin());
  in_size_ = input.size();
  return at_high_water;
}

Connection::Flush Connection::FlushOutput() {
  while (out_sent_ < out_.size()) {
    const ssize_t n =
        ::send(socket_.get(), out_.data() + out_sent_, out_.size() - out_sent_, MSG_NOSIGNAL);
    if (n >= 0) {
      out_sent_ += static_cast<std::size_t>(n);
    } else if (errno != EINTR) {
      return errno == EAGAIN ? Flush::kBlocked : Flush::kFailed;
    }
  }
  out_.clear();
  out_sent_ = 0;
  return Flush::kSent;
}
