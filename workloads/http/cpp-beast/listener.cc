#include "listener.h"

#include <arpa/inet.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "session.h"

namespace net = boost::asio;
using net::ip::tcp;

Listener::Listener(std::deque<net::io_context>& contexts, const benchhttp::Settings& settings)
    : contexts_(contexts), acceptor_(contexts.front()) {
  const tcp::endpoint endpoint(net::ip::address_v4(ntohl(settings.address.s_addr)), settings.port);
  boost::system::error_code error;
  acceptor_.open(endpoint.protocol(), error);
  if (!error) acceptor_.set_option(net::socket_base::reuse_address(true), error);
  if (!error) acceptor_.bind(endpoint, error);
  if (!error) acceptor_.listen(net::socket_base::max_listen_connections, error);
  if (error) {
    throw std::runtime_error("cannot listen on " + settings.host + ":" +
                             std::to_string(settings.port) + ": " + error.message());
  }
}

void Listener::Accept() {
  net::io_context& context = contexts_[next_];
  next_ = (next_ + 1) % contexts_.size();
  acceptor_.async_accept(context, [this](boost::system::error_code error, tcp::socket socket) {
    if (!error) {
      // Responses go out as soon as they are written; Nagle would hold a pipelined batch's
      // later responses until the client acknowledges the first.
      socket.set_option(tcp::no_delay(true), error);
      std::make_shared<Session>(std::move(socket))->Start();
    }
    Accept();
  });
}
