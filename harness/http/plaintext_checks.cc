#include "plaintext_checks.h"

#include <fmt/format.h>

#include <chrono>
#include <thread>

#include "http_client.h"
#include "http_date.h"

namespace benchctl {
namespace {

using std::chrono::milliseconds;

constexpr std::string_view kBody = "Hello, World!";
// A Date may lag the clock by its one-second cache, and the two clocks may
// straddle a second boundary: more than this is a stale clock.
constexpr long kDateToleranceSeconds = 2;
constexpr milliseconds kAnswerTimeout{3000};
constexpr int kPipelineDepth = 16;
// Positions (from 0) in the pipelined batch that ask for an unknown path.
constexpr int kUnknownAt[] = {4, 15};

std::string Quoted(const std::optional<std::string>& v) {
  return v ? fmt::format("\"{}\"", *v) : "missing";
}

bool IsUnknownPosition(int i) {
  for (int u : kUnknownAt) {
    if (u == i) return true;
  }
  return false;
}

std::time_t WallNow() { return std::time(nullptr); }

}  // namespace

std::string CheckPlaintextResponse(const HttpResponse& r, std::time_t now) {
  if (r.version != "HTTP/1.1") return fmt::format("answered with {}, not HTTP/1.1", r.version);
  if (r.status != 200) return fmt::format("GET /plaintext answered with status {}", r.status);
  if (r.body != kBody) {
    return fmt::format("wrong body: expected \"{}\", got \"{}\"", kBody,
                       r.body.substr(0, 40) + (r.body.size() > 40 ? "..." : ""));
  }
  auto type = r.Header("content-type");
  if (!type || !(*type == "text/plain" || type->starts_with("text/plain;"))) {
    return fmt::format("Content-Type is {}, not text/plain", Quoted(type));
  }
  auto length = r.Header("content-length");
  if (!length || *length != "13")
    return fmt::format("Content-Length is {}, not 13", Quoted(length));
  auto server = r.Header("server");
  if (!server || server->empty()) return "no Server header";
  auto date = r.Header("date");
  if (!date) return "no Date header";
  auto when = ParseImfFixdate(*date);
  if (!when) return fmt::format("the Date header \"{}\" is not an IMF-fixdate", *date);
  const long behind = static_cast<long>(now - *when);
  if (behind > kDateToleranceSeconds || behind < -kDateToleranceSeconds) {
    return fmt::format("stale Date: \"{}\" is {} s {} benchctl's clock ({})", *date,
                       behind < 0 ? -behind : behind, behind > 0 ? "behind" : "ahead of",
                       FormatImfFixdate(now));
  }
  return "";
}

nlohmann::json ExpectedPlaintextValue() {
  return {{"status", 200},
          {"body", std::string(kBody)},
          {"headers", {"content-length", "content-type", "date", "server"}},
          {"date_changes", true},
          {"pipelined_in_order", kPipelineDepth},
          {"unknown_path_status", 404},
          {"malformed_request", "refused"}};
}

PlaintextVerification VerifyPlaintextServer(int port, const std::function<bool()>& alive) {
  PlaintextVerification v;
  auto fail = [&v, &alive](std::string what) {
    v.failure = alive() ? std::move(what) : what + " (the server process has died)";
    return v;
  };
  HttpConnection c;
  if (auto e = c.Connect(port, kAnswerTimeout); !e.empty()) return fail(e);
  std::vector<HttpResponse> got;
  if (auto e = c.Send(GetRequest("/plaintext", port)); !e.empty()) return fail(e);
  if (auto e = c.Receive(1, got, kAnswerTimeout); !e.empty()) return fail("GET /plaintext: " + e);
  if (auto e = CheckPlaintextResponse(got[0], WallNow()); !e.empty()) return fail(e);

  // The Date must follow the clock: ask again, on the same connection, once
  // the wall clock is past the next second.
  const std::string first_date = *got[0].Header("date");
  const std::time_t first = *ParseImfFixdate(first_date);
  while (WallNow() <= first + 1) std::this_thread::sleep_for(milliseconds(50));
  if (auto e = c.Send(GetRequest("/plaintext", port)); !e.empty()) return fail(e);
  if (auto e = c.Receive(1, got, kAnswerTimeout); !e.empty()) {
    return fail("a second request on the same keep-alive connection: " + e);
  }
  if (auto e = CheckPlaintextResponse(got[1], WallNow()); !e.empty()) return fail(e);
  if (*got[1].Header("date") == first_date) {
    return fail(fmt::format(
        "the Date header did not change: \"{}\" both times, more than a second apart (a cached "
        "response, not a per-request one)",
        first_date));
  }

  // A pipelined batch in one write, answered in order: unknown paths among
  // the plaintext requests show whether the answers kept their positions.
  std::string batch;
  for (int i = 0; i < kPipelineDepth; ++i) {
    batch += GetRequest(IsUnknownPosition(i) ? "/benchctl-unknown-path" : "/plaintext", port);
  }
  got.clear();
  if (auto e = c.Send(batch); !e.empty()) return fail(e);
  if (auto e = c.Receive(kPipelineDepth, got, kAnswerTimeout); !e.empty()) {
    return fail(fmt::format("{} pipelined requests: {}", kPipelineDepth, e));
  }
  for (int i = 0; i < kPipelineDepth; ++i) {
    const HttpResponse& r = got[static_cast<std::size_t>(i)];
    if (IsUnknownPosition(i)) {
      if (r.status != 404) {
        return fail(fmt::format(
            "pipelined request {} (an unknown path) answered with status {}, not 404{}", i + 1,
            r.status, r.status == 200 ? " (or the answers are out of order)" : ""));
      }
    } else if (auto e = CheckPlaintextResponse(r, WallNow()); !e.empty()) {
      return fail(fmt::format("pipelined request {}: {}", i + 1, e));
    }
  }

  // Garbage on a new connection: refused with 4xx or a close, never a crash.
  {
    HttpConnection bad;
    if (auto e = bad.Connect(port, kAnswerTimeout); !e.empty()) return fail(e);
    if (auto e = bad.Send("NOT-HTTP \x01\x02 garbage\r\n\r\n"); !e.empty()) {
      v.malformed_status = 0;  // Reset while sending: refused.
    } else {
      HttpResponse r;
      bool answered = false;
      if (auto problem = bad.ReceiveOrClose(r, answered, kAnswerTimeout); !problem.empty()) {
        return fail("a malformed request: " + problem);
      }
      v.malformed_status = answered ? r.status : 0;
      if (answered && (r.status < 400 || r.status > 499)) {
        return fail(
            fmt::format("a malformed request was answered with status {}, not 4xx", r.status));
      }
    }
  }
  if (!alive()) return fail("the server died after a malformed request");
  if (auto e = CheckStillServing(port); !e.empty()) {
    return fail("after a malformed request: " + e);
  }
  v.value = ExpectedPlaintextValue();
  return v;
}

std::string CheckStillServing(int port) {
  HttpConnection c;
  std::vector<HttpResponse> got;
  if (auto e = c.Connect(port, kAnswerTimeout); !e.empty()) return e;
  if (auto e = c.Send(GetRequest("/plaintext", port)); !e.empty()) return e;
  if (auto e = c.Receive(1, got, kAnswerTimeout); !e.empty()) return "GET /plaintext: " + e;
  return CheckPlaintextResponse(got[0], WallNow());
}

}  // namespace benchctl
