#include "session.h"

#include <boost/asio/dispatch.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include "http/shared/cpp/http_date.h"

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

namespace {

constexpr unsigned kHttp11 = 11;  // Beast's version number for HTTP/1.1

// One per io_context thread: the cache is not synchronised.
thread_local benchhttp::DateCache date_cache;

bool IsParseError(beast::error_code error) {
  return error.category() == http::make_error_code(http::error::bad_target).category() &&
         error != http::error::end_of_stream && error != http::error::partial_message;
}

}  // namespace

Session::Session(net::ip::tcp::socket socket) : socket_(std::move(socket)) {}

void Session::Start() {
  // The acceptor may run on another io_context; the session's handlers run on its socket's.
  net::dispatch(socket_.get_executor(),
                beast::bind_front_handler(&Session::Read, shared_from_this()));
}

void Session::Read() {
  // A parser reads one message; each request gets a fresh one. Pipelined requests already in
  // buffer_ are parsed from there without another read.
  parser_.emplace();
  http::async_read(socket_, buffer_, *parser_,
                   beast::bind_front_handler(&Session::OnRead, shared_from_this()));
}

void Session::OnRead(beast::error_code error, std::size_t) {
  if (IsParseError(error)) return Respond(http::status::bad_request, kHttp11, false);
  if (error) return Close();  // the peer closed or reset: nothing to answer
  const http::request<http::string_body>& request = parser_->get();
  const bool plaintext = request.method() == http::verb::get && request.target() == "/plaintext";
  Respond(plaintext ? http::status::ok : http::status::not_found, request.version(),
          request.keep_alive());
}

void Session::Respond(http::status status, unsigned version, bool keep_alive) {
  http::response<http::string_body>& response = response_.emplace(status, version);
  response.set(http::field::server, "cpp-beast");
  response.set(http::field::date, date_cache.Now());
  response.set(http::field::content_type, "text/plain");
  response.keep_alive(keep_alive);
  // Only the 200 has a body: an empty one keeps the framing right even for an answer to HEAD.
  if (status == http::status::ok) response.body() = "Hello, World!";
  response.prepare_payload();
  http::async_write(socket_, response,
                    beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
}

void Session::OnWrite(beast::error_code error, std::size_t) {
  if (error) return;
  if (!response_->keep_alive()) return Close();
  Read();
}

void Session::Close() {
  // Send FIN after the last response; the socket closes when the last handler releases us.
  beast::error_code ignored;
  socket_.shutdown(net::ip::tcp::socket::shutdown_send, ignored);
}
