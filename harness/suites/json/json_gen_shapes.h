// Internal to the JSON generator: one function per shape, shared by json_gen.cc.
#pragma once

#include <cstdint>
#include <string>

#include "splitmix64.h"

namespace benchctl {

// Appends a complete twitter-shaped document to `out` (SPEC.md "twitter").
void GenerateTwitterJson(std::uint64_t target_bytes, SplitMix64& rng, std::string& out);

// Appends a complete citm-shaped document to `out` (SPEC.md "citm").
void GenerateCitmJson(std::uint64_t target_bytes, SplitMix64& rng, std::string& out);

// Appends a complete canada-shaped document to `out` (SPEC.md "canada").
void GenerateCanadaJson(std::uint64_t target_bytes, SplitMix64& rng, std::string& out);

}  // namespace benchctl
