#include "protocol.h"

#include <fmt/format.h>

namespace benchctl {
namespace {

using nlohmann::json;

// Cuts a line for quoting in an error message.
std::string Excerpt(const std::string& line) {
  constexpr std::size_t kMax = 80;
  std::string s = line.size() > kMax ? line.substr(0, kMax) + "..." : line;
  for (char& c : s) {
    if (static_cast<unsigned char>(c) < 0x20) c = '?';
  }
  return s;
}

std::vector<double> NumberArray(const json& message, const char* key, std::string& violation) {
  std::vector<double> values;
  auto it = message.find(key);
  if (it == message.end() || !it->is_array()) {
    violation = fmt::format("result message: `{}` must be an array of numbers", key);
    return values;
  }
  for (const auto& v : *it) {
    if (!v.is_number() || v.get<double>() < 0) {
      violation = fmt::format("result message: `{}` must hold non-negative numbers", key);
      return {};
    }
    values.push_back(v.get<double>());
  }
  return values;
}

std::optional<ResultMessage> ParseResult(const json& m, std::string& violation) {
  ResultMessage r;
  if (!m.contains("verification")) {
    violation = "result message has no `verification`";
    return std::nullopt;
  }
  r.verification = m["verification"];
  auto iterations = m.find("iterations");
  if (iterations == m.end() || !iterations->is_number_integer() ||
      iterations->get<std::int64_t>() < 1) {
    violation = "result message: `iterations` must be an integer >= 1";
    return std::nullopt;
  }
  r.iterations = iterations->get<std::int64_t>();
  r.samples_ns = NumberArray(m, "samples_ns", violation);
  if (!violation.empty()) return std::nullopt;
  if (r.samples_ns.empty()) {
    violation = "result message: `samples_ns` is empty";
    return std::nullopt;
  }
  if (m.contains("warmup_ns")) {
    r.warmup_ns = NumberArray(m, "warmup_ns", violation);
    if (!violation.empty()) return std::nullopt;
  }
  auto mismatches = m.find("mismatches");
  if (mismatches == m.end() || !mismatches->is_number_integer()) {
    violation = "result message: `mismatches` must be an integer";
    return std::nullopt;
  }
  r.mismatches = mismatches->get<std::int64_t>();
  if (m.contains("counters")) {
    if (!m["counters"].is_object()) {
      violation = "result message: `counters` must be an object";
      return std::nullopt;
    }
    r.counters = m["counters"];
  }
  return r;
}

}  // namespace

ProtocolReport ParseProtocol(const std::vector<std::string>& lines) {
  ProtocolReport report;
  for (const std::string& line : lines) {
    json m = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (m.is_discarded() || !m.is_object()) {
      report.violation = "a protocol line is not a JSON object: \"" + Excerpt(line) + "\"";
      return report;
    }
    auto schema = m.find("schema");
    if (schema == m.end() || !schema->is_number_integer() ||
        schema->get<int>() != kProtocolVersion) {
      report.violation =
          fmt::format("a protocol message has schema {} (this benchctl speaks {})",
                      schema == m.end() ? "missing" : schema->dump(), kProtocolVersion);
      return report;
    }
    std::string type = m.value("type", "");
    if (report.result) {
      report.violation = "a message came after the final result message";
      return report;
    }
    if (type == "setup") {
      auto rss = m.find("rss_kb");
      if (rss == m.end() || !rss->is_number_integer() || rss->get<long>() < 0) {
        report.violation = "setup message: `rss_kb` must be a non-negative integer";
        return report;
      }
      report.setup_rss_kb = rss->get<long>();
    } else if (type == "result") {
      report.result = ParseResult(m, report.violation);
      if (!report.violation.empty()) return report;
    } else if (type == "error") {
      report.error_message = m.value("message", std::string("(no message)"));
    } else {
      report.violation = "unknown protocol message type \"" + Excerpt(type) + "\"";
      return report;
    }
  }
  return report;
}

}  // namespace benchctl
