// The canada shape: polygons of longitude/latitude pairs, almost all numbers
// (workloads/json/SPEC.md "canada").
#include <array>
#include <cstdint>
#include <string>

#include "json_gen_shapes.h"
#include "json_gen_text.h"

namespace benchctl {
namespace {

// Powers of ten that are exact doubles (10^22 is the largest), so that m / 10^d and m * 10^d are
// single correctly rounded IEEE operations: the same double on every machine, with no
// multiply-add the compiler could fuse differently.
constexpr std::array<double, 23> kPowersOfTen = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

std::int64_t Pow10(std::uint64_t exponent) {
  std::int64_t result = 1;
  for (; exponent > 0; --exponent) result *= 10;
  return result;
}

// `scaled` / 10^decimals as a double: a coordinate written with `decimals` digits after the point.
double Unscale(std::int64_t scaled, std::uint64_t decimals) {
  return static_cast<double>(scaled) / kPowersOfTen[decimals];
}

// m * 10^exponent for |exponent| <= 44, in at most two exact-power steps.
double Scale(double m, int exponent) {
  if (exponent >= 0) {
    if (exponent > 22)
      return m * kPowersOfTen[22] * kPowersOfTen[static_cast<std::size_t>(exponent - 22)];
    return m * kPowersOfTen[static_cast<std::size_t>(exponent)];
  }
  if (exponent < -22)
    return m / kPowersOfTen[22] / kPowersOfTen[static_cast<std::size_t>(-exponent - 22)];
  return m / kPowersOfTen[static_cast<std::size_t>(-exponent)];
}

// An area from 1e-30 to 1e30 with 1 to 15 significant digits, so exponents of both signs occur.
double RandomArea(SplitMix64& rng) {
  const std::uint64_t digits = rng.Between(1, 15);
  const std::int64_t low = Pow10(digits - 1);
  const std::int64_t mantissa =
      low + static_cast<std::int64_t>(rng.Below(static_cast<std::uint64_t>(9 * low)));
  const int exponent = static_cast<int>(rng.Below(61)) - 30;
  return Scale(static_cast<double>(mantissa), exponent - static_cast<int>(digits - 1));
}

// One closed ring (last point equals the first, as GeoJSON requires), walking from a random start
// in Canada's bounding box. Coordinates are integers scaled by 10^decimals until written, so the
// walk is exact and the written values have the intended number of digits.
void AppendRing(JsonOut& json, SplitMix64& rng, std::uint64_t lon_decimals) {
  const std::uint64_t lat_decimals = lon_decimals + 1;  // latitudes have one integer digit fewer
  const std::int64_t lon_unit = Pow10(lon_decimals);
  const std::int64_t lat_unit = Pow10(lat_decimals);
  std::int64_t lon = -139 * lon_unit + static_cast<std::int64_t>(
                                           rng.Below(static_cast<std::uint64_t>(85 * lon_unit)));
  std::int64_t lat = 43 * lat_unit + static_cast<std::int64_t>(
                                         rng.Below(static_cast<std::uint64_t>(38 * lat_unit)));
  const std::uint64_t lon_step = static_cast<std::uint64_t>(lon_unit / 50);  // up to 0.02 degrees
  const std::uint64_t lat_step = static_cast<std::uint64_t>(lat_unit / 50);
  const std::int64_t first_lon = lon;
  const std::int64_t first_lat = lat;
  json.BeginArray();
  for (std::uint64_t i = rng.Between(3, 150); i > 0; --i) {
    json.BeginArray();
    json.Double(Unscale(lon, lon_decimals));
    json.Double(Unscale(lat, lat_decimals));
    json.EndArray();
    lon += static_cast<std::int64_t>(rng.Below(2 * lon_step + 1)) -
           static_cast<std::int64_t>(lon_step);
    lat += static_cast<std::int64_t>(rng.Below(2 * lat_step + 1)) -
           static_cast<std::int64_t>(lat_step);
  }
  json.BeginArray();
  json.Double(Unscale(first_lon, lon_decimals));
  json.Double(Unscale(first_lat, lat_decimals));
  json.EndArray();
  json.EndArray();
}

void AppendFeature(JsonOut& json, SplitMix64& rng) {
  json.BeginObject();
  json.Key("type");
  json.String("Feature");
  json.Key("properties");
  json.BeginObject();
  json.Key("name");
  json.Words(rng, kPlaceWords, 1, 3);
  json.Key("area");
  json.Double(RandomArea(rng));
  json.EndObject();
  json.Key("geometry");
  json.BeginObject();
  json.Key("type");
  json.String("Polygon");
  json.Key("coordinates");
  json.BeginArray();
  // Longitudes have 3 integer digits, so 3..14 decimals give 6..17 significant digits; past 15
  // the scaled integer exceeds 2^53 and the value is simply the double nearest to it.
  const std::uint64_t lon_decimals = rng.Between(3, 14);
  for (std::uint64_t ring = rng.Between(1, 3); ring > 0; --ring)
    AppendRing(json, rng, lon_decimals);
  json.EndArray();
  json.EndObject();
  json.EndObject();
}

}  // namespace

void GenerateCanadaJson(std::uint64_t target_bytes, SplitMix64& rng, std::string& out) {
  JsonOut json(out);
  json.BeginObject();
  json.Key("type");
  json.String("FeatureCollection");
  json.Key("features");
  json.BeginArray();
  do {
    AppendFeature(json, rng);
  } while (out.size() < target_bytes);
  json.EndArray();
  json.EndObject();
}

}  // namespace benchctl
