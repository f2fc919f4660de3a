// Reading responses off a byte stream (harness/http/http_response.h).
#include "http_response.h"

#include <gtest/gtest.h>

namespace benchctl {
namespace {

using State = ParsedResponse::State;

constexpr std::string_view kOk =
    "HTTP/1.1 200 OK\r\nServer: x\r\ncontent-LENGTH: 13\r\nContent-Type: text/plain\r\n\r\n"
    "Hello, World!";

TEST(HttpResponse, ReadsOneCompleteResponseAndLeavesTheNext) {
  std::string two = std::string(kOk) + "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
  ParsedResponse p = ParseHttpResponse(two);
  ASSERT_EQ(p.state, State::kComplete) << p.problem;
  EXPECT_EQ(p.response.status, 200);
  EXPECT_EQ(p.response.version, "HTTP/1.1");
  EXPECT_EQ(p.response.body, "Hello, World!");
  EXPECT_EQ(p.response.Header("content-length"), std::optional<std::string>("13"));
  EXPECT_EQ(p.consumed, kOk.size());
  ParsedResponse next = ParseHttpResponse(std::string_view(two).substr(p.consumed));
  ASSERT_EQ(next.state, State::kComplete);
  EXPECT_EQ(next.response.status, 404);
  EXPECT_EQ(next.response.body, "");
}

TEST(HttpResponse, WaitsForMoreUntilTheBodyIsThere) {
  EXPECT_EQ(ParseHttpResponse(kOk.substr(0, 20)).state, State::kIncomplete);
  EXPECT_EQ(ParseHttpResponse(kOk.substr(0, kOk.size() - 1)).state, State::kIncomplete);
  EXPECT_EQ(ParseHttpResponse("HTT").state, State::kIncomplete);
}

TEST(HttpResponse, RefusesWhatIsNotAResponse) {
  EXPECT_EQ(ParseHttpResponse("garbage").state, State::kInvalid);
  EXPECT_EQ(ParseHttpResponse("HTTP/1.1 2000 OK\r\n\r\n").state, State::kInvalid);
  ParsedResponse dup = ParseHttpResponse("HTTP/1.1 200 OK\r\nDate: a\r\ndate: b\r\n\r\n");
  EXPECT_EQ(dup.state, State::kInvalid);
  EXPECT_EQ(dup.problem, "header date sent twice");
  ParsedResponse chunked =
      ParseHttpResponse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nd\r\n");
  EXPECT_EQ(chunked.state, State::kInvalid);
  ParsedResponse no_length = ParseHttpResponse("HTTP/1.1 400 Bad Request\r\n\r\nbad");
  EXPECT_EQ(no_length.state, State::kInvalid);
  EXPECT_EQ(no_length.problem, "a 400 response without Content-Length");
}

TEST(HttpResponse, AfterACloseABodyWithoutLengthRunsToTheEnd) {
  ParsedResponse p = ParseHttpResponse("HTTP/1.1 400 Bad Request\r\n\r\n400 Bad Request", true);
  ASSERT_EQ(p.state, State::kComplete);
  EXPECT_EQ(p.response.status, 400);
  EXPECT_EQ(p.response.body, "400 Bad Request");
}

}  // namespace
}  // namespace benchctl
