// SHA-256 digests, recorded for every input file so results name exactly what was measured.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace benchctl {

// The SHA-256 of `bytes` as 64 lower-case hex digits.
std::string Sha256Hex(std::string_view bytes);

// The SHA-256 of a file's contents as 64 lower-case hex digits, read in chunks so large inputs
// need little memory. Throws benchctl::Error naming the file if it cannot be read.
std::string Sha256HexOfFile(const std::filesystem::path& path);

}  // namespace benchctl
