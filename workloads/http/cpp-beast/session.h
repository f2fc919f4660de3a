// One client connection: Beast's read-parse-respond loop on a keep-alive socket.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <memory>
#include <optional>

class Session : public std::enable_shared_from_this<Session> {
 public:
  explicit Session(boost::asio::ip::tcp::socket socket);

  // Starts reading on the socket's own io_context; the session lives as long as its handlers.
  void Start();

 private:
  void Read();
  void OnRead(boost::beast::error_code error, std::size_t bytes);
  void Respond(boost::beast::http::status status, unsigned version, bool keep_alive);
  void OnWrite(boost::beast::error_code error, std::size_t bytes);
  void Close();

  boost::asio::ip::tcp::socket socket_;
  boost::beast::flat_buffer buffer_;  // bytes past one request stay here for the next
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  std::optional<boost::beast::http::response<boost::beast::http::string_body>> response_;
};
