// Accepts connections on one socket and hands each to the next io_context of the pool.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <cstddef>
#include <deque>

#include "http/shared/cpp/server_settings.h"

class Listener {
 public:
  // Binds and listens on exactly settings.host:port with the acceptor on `contexts[0]`. Throws
  // std::runtime_error whose what() names the address and the reason.
  Listener(std::deque<boost::asio::io_context>& contexts, const benchhttp::Settings& settings);

  void Accept();

 private:
  std::deque<boost::asio::io_context>& contexts_;
  std::size_t next_ = 0;  // round robin over the contexts
  boost::asio::ip::tcp::acceptor acceptor_;
};
