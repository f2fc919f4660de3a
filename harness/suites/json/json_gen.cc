// Shape names and dispatch; each shape's generator lives in its own json_gen_<shape>.cc.
#include "json_gen.h"

#include <array>
#include <string>

#include "error.h"
#include "json_gen_shapes.h"
#include "splitmix64.h"

namespace benchctl {
namespace {

struct ShapeName {
  JsonShape shape;
  std::string_view name;
};

constexpr std::array<ShapeName, 3> kShapeNames = {{
    {JsonShape::kTwitter, "twitter"},
    {JsonShape::kCitm, "citm"},
    {JsonShape::kCanada, "canada"},
}};

// Room for the closing brackets and metadata written after the last record, so the final
// string never reallocates (a 50 MB document would otherwise be copied once more).
constexpr std::uint64_t kTailReserve = 64 * 1024;

}  // namespace

JsonShape ParseJsonShape(std::string_view name) {
  for (const ShapeName& entry : kShapeNames) {
    if (entry.name == name) return entry.shape;
  }
  std::string valid;
  for (const ShapeName& entry : kShapeNames) {
    valid += valid.empty() ? "" : ", ";
    valid += entry.name;
  }
  throw Error("unknown JSON shape '" + std::string(name) + "'; valid shapes: " + valid);
}

std::string_view JsonShapeName(JsonShape shape) {
  for (const ShapeName& entry : kShapeNames) {
    if (entry.shape == shape) return entry.name;
  }
  BENCHCTL_CHECK(false && "JsonShape without a name");
  return {};
}

std::string GenerateJson(JsonShape shape, std::uint64_t target_bytes, std::uint64_t seed) {
  SplitMix64 rng(seed);
  std::string out;
  out.reserve(static_cast<std::size_t>(target_bytes + kTailReserve));
  switch (shape) {
    case JsonShape::kTwitter:
      GenerateTwitterJson(target_bytes, rng, out);
      break;
    case JsonShape::kCitm:
      GenerateCitmJson(target_bytes, rng, out);
      break;
    case JsonShape::kCanada:
      GenerateCanadaJson(target_bytes, rng, out);
      break;
  }
  return out;
}

}  // namespace benchctl
