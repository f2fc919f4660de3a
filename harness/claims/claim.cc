#include "claim.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

#include "error.h"
#include "json_fields.h"
#include "units.h"

namespace benchctl {
namespace {

namespace fs = std::filesystem;

// A number under `key` of `o` (required): finite, not a string that looks like one.
double Number(StrictObject& o, const std::string& key) {
  nlohmann::json v = o.Raw(key);
  if (v.is_null()) o.Fail(key, "is missing");
  if (!v.is_number() || !std::isfinite(v.get<double>())) o.Fail(key, "must be a finite number");
  return v.get<double>();
}

JobSelector LoadSelector(StrictObject o) {
  JobSelector s;
  s.suite = o.String("suite");
  s.operation = o.String("operation");
  s.input = o.OptionalString("input", "");
  s.params = o.StringMap("params");
  s.impl = o.OptionalString("impl", "");
  s.fastest_of_language = o.OptionalString("fastest_of_language", "");
  s.run_args = o.StringList("run_args", false);
  if (s.impl.empty() == s.fastest_of_language.empty()) {
    o.Fail("impl", "or `fastest_of_language` must be given, exactly one of them");
  }
  o.RejectUnknownKeys();
  return s;
}

ClaimTest LoadTest(StrictObject o) {
  ClaimTest t;
  const bool between = !o.Raw("between").is_null();
  const bool below = !o.Raw("below").is_null();
  const bool above = !o.Raw("above").is_null();
  if (between + below + above != 1) {
    // A misspelt test ("betwixt") is named as such rather than as a missing one.
    if (between + below + above == 0) o.RejectUnknownKeys();
    o.Fail("between", "or `below` or `above` must be given, exactly one of them");
  }
  if (between) {
    nlohmann::json range = o.Raw("between");
    if (!range.is_array() || range.size() != 2 || !range[0].is_number() || !range[1].is_number() ||
        !std::isfinite(range[0].get<double>()) || !std::isfinite(range[1].get<double>()) ||
        range[0].get<double>() > range[1].get<double>()) {
      o.Fail("between", "must be [low, high]: two finite numbers, low <= high");
    }
    t.kind = ClaimTest::Kind::kBetween;
    t.low = range[0].get<double>();
    t.high = range[1].get<double>();
  } else if (below) {
    t.kind = ClaimTest::Kind::kBelow;
    t.high = Number(o, "below");
  } else {
    t.kind = ClaimTest::Kind::kAbove;
    t.low = Number(o, "above");
  }
  o.RejectUnknownKeys();
  return t;
}

Claim LoadClaim(StrictObject o, const ClaimSource& source) {
  Claim c;
  c.file = o.file();
  c.source = source;
  c.id = o.String("id");
  if (!std::regex_match(c.id, std::regex("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}"))) {
    o.Fail("id", "may hold only A-Z, a-z, 0-9, '_', '.', '-' (at most 32, e.g. \"C10a\")");
  }
  c.text = o.String("text");
  if (c.text.empty()) o.Fail("text", "must not be empty");
  c.notes = o.OptionalString("notes", "");
  const bool ratio = !o.Raw("ratio").is_null();
  const bool value = !o.Raw("value").is_null();
  const bool unmeasured = !o.Raw("unmeasured").is_null();
  if (ratio + value + unmeasured != 1) {
    o.Fail("ratio", "or `value` or `unmeasured` must be given, exactly one of them");
  }
  if (unmeasured) {
    c.kind = MeasureKind::kUnmeasured;
    c.needs = o.String("unmeasured");
    if (c.needs.empty()) o.Fail("unmeasured", "must say what would measure the claim");
    o.Raw("test");  // Optional here: recorded claims may keep their test for later.
    o.RejectUnknownKeys();
    return c;
  }
  StrictObject m = o.Object(ratio ? "ratio" : "value");
  c.kind = ratio ? MeasureKind::kRatio : MeasureKind::kValue;
  c.metric = m.String("metric");
  if (ratio) {
    c.numerator = LoadSelector(m.Object("numerator"));
    c.denominator = LoadSelector(m.Object("denominator"));
  } else {
    c.of = LoadSelector(m.Object("of"));
  }
  m.RejectUnknownKeys();
  c.test = LoadTest(o.Object("test"));
  o.RejectUnknownKeys();
  return c;
}

}  // namespace

std::vector<Claim> LoadClaimFile(const fs::path& path) {
  StrictObject o = StrictObject::Load(path);
  if (o.Integer("claims_version") != kClaimsVersion) {
    o.Fail("claims_version", fmt::format("must be {}", kClaimsVersion));
  }
  StrictObject s = o.Object("source");
  ClaimSource source;
  source.title = s.String("title");
  source.url = s.OptionalString("url", "");
  source.year = s.Integer("year");
  if (source.year < 1950 || source.year > 2100) s.Fail("year", "must be from 1950 to 2100");
  s.RejectUnknownKeys();
  nlohmann::json list = o.Raw("claims");
  if (!list.is_array() || list.empty()) o.Fail("claims", "must be a non-empty list of objects");
  std::vector<Claim> claims;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string prefix = fmt::format("claims[{}].", i);
    if (!list[i].is_object()) o.Fail(fmt::format("claims[{}]", i), "must be an object");
    claims.push_back(LoadClaim(StrictObject(list[i], o.file(), prefix), source));
  }
  o.RejectUnknownKeys();
  return claims;
}

std::vector<Claim> LoadClaims(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw Error(
        fmt::format("{}: no claims folder (claims are claims/*.json at the repository "
                    "root; pass --claims DIR to read another)",
                    dir.string()));
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Claim> all;
  std::map<std::string, std::string> seen;  // id -> file
  for (const fs::path& file : files) {
    for (Claim& c : LoadClaimFile(file)) {
      auto [it, fresh] = seen.emplace(c.id, c.file);
      if (!fresh) {
        throw Error(fmt::format("{}: claim id \"{}\" is also in {}; ids must be unique", c.file,
                                c.id, it->second));
      }
      all.push_back(std::move(c));
    }
  }
  return all;
}

std::string FormatClaimValue(double v, const std::string& metric, bool ratio) {
  if (ratio) return fmt::format("{:.2f}×", v);
  if (metric.ends_with("_ns")) return FormatNanoseconds(v);
  if (metric.ends_with("_kb")) return FormatKilobytes(v);
  if (metric.ends_with("_bytes") || metric.ends_with("_b")) return FormatBytes(v);
  if (metric == "items_per_s") return FormatCount(v) + "/s";
  if (metric == "throughput_mb_s") return fmt::format("{:.0f} MB/s", v);
  return fmt::format("{:.4g}", v);
}

std::string DescribeTest(const ClaimTest& test, const std::string& metric, bool ratio) {
  switch (test.kind) {
    case ClaimTest::Kind::kBetween:
      return fmt::format("between {} and {}", FormatClaimValue(test.low, metric, ratio),
                         FormatClaimValue(test.high, metric, ratio));
    case ClaimTest::Kind::kBelow:
      return "below " + FormatClaimValue(test.high, metric, ratio);
    case ClaimTest::Kind::kAbove:
      return "above " + FormatClaimValue(test.low, metric, ratio);
  }
  return "";
}

}  // namespace benchctl
