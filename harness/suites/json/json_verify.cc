#include "json_verify.h"

#include <fmt/format.h>

#include <cstdint>
#include <fstream>
#include <sstream>

#include "error.h"
#include "json_reference.h"

namespace benchctl {
namespace {

std::string Shorten(const std::string& s, std::size_t max = 600) {
  return s.size() <= max ? s : s.substr(0, max) + "...";
}

}  // namespace

std::string CheckSerializedOutput(const std::string& output_path, const nlohmann::json& expected,
                                  const nlohmann::json& value) {
  if (!value.is_object() || !value.contains("output_bytes") ||
      !value["output_bytes"].is_number_integer()) {
    return "serialize must report {\"output_bytes\": N}, got " + Shorten(value.dump());
  }
  std::ifstream in(output_path, std::ios::binary);
  if (!in) return "serialize wrote no output file at " + output_path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  auto reported = value["output_bytes"].get<std::int64_t>();
  if (static_cast<std::int64_t>(text.size()) != reported) {
    return fmt::format("serialize reported {} bytes but wrote {}", reported, text.size());
  }
  try {
    nlohmann::json stats = ComputeJsonStats(text, output_path).ToDomJson();
    if (stats != expected) {
      return fmt::format("serialized output re-parses to different stats: expected {} got {}",
                         Shorten(expected.dump()), Shorten(stats.dump()));
    }
  } catch (const Error& e) {
    return std::string("serialized output is not valid JSON: ") + e.what();
  }
  return "";
}

}  // namespace benchctl
