// The plaintext rules on one response (harness/http/plaintext_checks.h).
#include "plaintext_checks.h"

#include <gtest/gtest.h>

#include "http_date.h"

namespace benchctl {
namespace {

constexpr std::time_t kNow = 1796245200;

HttpResponse Good() {
  HttpResponse r;
  r.version = "HTTP/1.1";
  r.status = 200;
  r.body = "Hello, World!";
  r.headers = {{"content-type", "text/plain"},
               {"content-length", "13"},
               {"server", "s"},
               {"date", FormatImfFixdate(kNow - 1)}};
  return r;
}

TEST(PlaintextChecks, ACorrectResponsePasses) {
  EXPECT_EQ(CheckPlaintextResponse(Good(), kNow), "");
  HttpResponse charset = Good();
  charset.headers["content-type"] = "text/plain; charset=utf-8";
  EXPECT_EQ(CheckPlaintextResponse(charset, kNow), "");
}

TEST(PlaintextChecks, EachBrokenRuleIsNamed) {
  HttpResponse r = Good();
  r.body = "Hello, World?";
  EXPECT_EQ(CheckPlaintextResponse(r, kNow),
            "wrong body: expected \"Hello, World!\", got \"Hello, World?\"");
  r = Good();
  r.headers.erase("server");
  EXPECT_EQ(CheckPlaintextResponse(r, kNow), "no Server header");
  r = Good();
  r.headers["content-type"] = "text/html";
  EXPECT_EQ(CheckPlaintextResponse(r, kNow), "Content-Type is \"text/html\", not text/plain");
  r = Good();
  r.headers["content-length"] = "14";
  EXPECT_EQ(CheckPlaintextResponse(r, kNow), "Content-Length is \"14\", not 13");
  r = Good();
  r.headers["date"] = FormatImfFixdate(kNow - 3600);
  EXPECT_EQ(CheckPlaintextResponse(r, kNow),
            "stale Date: \"Wed, 02 Dec 2026 20:00:00 GMT\" is 3600 s behind benchctl's clock "
            "(Wed, 02 Dec 2026 21:00:00 GMT)");
  r = Good();
  r.headers["date"] = "yesterday";
  EXPECT_EQ(CheckPlaintextResponse(r, kNow), "the Date header \"yesterday\" is not an IMF-fixdate");
  r = Good();
  r.status = 404;
  EXPECT_EQ(CheckPlaintextResponse(r, kNow), "GET /plaintext answered with status 404");
}

}  // namespace
}  // namespace benchctl
