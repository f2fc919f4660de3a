// The plaintext test's rules (workloads/http/SPEC.md) checked against a live
// server before any load, so that no unverified server is ever measured.
#pragma once

#include <ctime>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "http_response.h"

namespace benchctl {

// "" when `r` is a correct answer to GET /plaintext at wall-clock time `now`,
// else the first rule it breaks, with what the server sent.
std::string CheckPlaintextResponse(const HttpResponse& r, std::time_t now);

// What verification found.
struct PlaintextVerification {
  std::string failure;        // "" when every check passed, else the first that failed.
  nlohmann::json value;       // The verified behaviour (the process's verification value).
  int malformed_status = -1;  // The status a malformed request got; 0 = closed.
};

// The verification value every correct server produces.
nlohmann::json ExpectedPlaintextValue();

// Runs every check on the server at 127.0.0.1:`port`: one request and its
// headers, a Date that changes with the second (on the same keep-alive
// connection, about 1-2 s), a pipelined batch answered in order (with two
// unknown paths inside it, which must get 404), a malformed request refused
// (4xx or closed) and the server serving a new connection after it.
// `alive` tells whether the server process still runs.
PlaintextVerification VerifyPlaintextServer(int port, const std::function<bool()>& alive);

// One more request on a new connection (after the load): "" when its answer is correct.
std::string CheckStillServing(int port);

}  // namespace benchctl
