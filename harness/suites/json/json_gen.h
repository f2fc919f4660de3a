// `benchctl gen json`: deterministic synthetic inputs for the json suite (workloads/json/SPEC.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace benchctl {

// The document shapes of workloads/json/SPEC.md, named after the classic benchmark files.
enum class JsonShape { kTwitter, kCitm, kCanada };

// Parses "twitter", "citm" or "canada"; throws benchctl::Error listing the valid names.
JsonShape ParseJsonShape(std::string_view name);

// The shape's name as used on the command line and in BENCHCTL_PARAM_SHAPE.
std::string_view JsonShapeName(JsonShape shape);

// A compact, valid UTF-8 JSON document of `shape`, at least `target_bytes` long (records are added
// until the size is reached, and there is always at least one). The same arguments give the
// same bytes on every machine.
std::string GenerateJson(JsonShape shape, std::uint64_t target_bytes, std::uint64_t seed);

}  // namespace benchctl
