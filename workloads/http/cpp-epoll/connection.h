// One client connection of an event loop: its socket, its input and its pending output.
#pragma once

#include <array>
#include <cstddef>
#include <string>

#include "http/shared/cpp/http_date.h"
#include "unique_fd.h"

class Connection {
 public:
  explicit Connection(UniqueFd socket);

  // Reads, answers and writes until the socket would block. Every request complete after a
  // read is answered into the output, which then goes out in one send(2). False once the
  // connection is finished: the peer closed or failed, or a close was asked for and sent.
  [[nodiscard]] bool Serve(benchhttp::DateCache& date);

 private:
  static constexpr std::size_t kInputCapacity = 8192;  // the largest request head accepted
  static constexpr std::size_t kOutputHighWater = 16384;

  enum class Flush { kSent, kBlocked, kFailed };

  // Answers the complete requests at the front of the input until the output reaches its
  // high-water mark; true if it stopped there (more may be waiting).
  bool AnswerBuffered(std::string_view date);
  Flush FlushOutput();

  UniqueFd socket_;
  bool close_after_flush_ = false;
  std::size_t in_size_ = 0;
  std::size_t out_sent_ = 0;
  std::string out_;
  std::array<char, kInputCapacity> in_;  // not zeroed: only in_size_ bytes are ever read
};
