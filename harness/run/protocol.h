// Parsing the workload protocol's messages (workloads/PROTOCOL.md), pure.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace benchctl {

// The protocol version this harness speaks.
inline constexpr int kProtocolVersion = 1;

// The `result` message.
struct ResultMessage {
  nlohmann::json verification;
  std::int64_t iterations = 0;
  std::vector<double> warmup_ns;   // Per sample (all iterations), as sent.
  std::vector<double> samples_ns;  // Per sample (all iterations), as sent.
  std::int64_t mismatches = 0;
  nlohmann::json counters = nlohmann::json::object();
};

// Everything a child said on its protocol pipe.
struct ProtocolReport {
  std::optional<long> setup_rss_kb;
  std::optional<ResultMessage> result;
  std::optional<std::string> error_message;  // From an `error` message.
  std::string violation;                     // First protocol violation; empty if none.
};

// Parses the lines in order; the first violation stops parsing and is reported.
ProtocolReport ParseProtocol(const std::vector<std::string>& lines);

}  // namespace benchctl
