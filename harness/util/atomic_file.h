// Whole-file writes that readers never see half done.
#pragma once

#include <filesystem>
#include <string>

namespace benchctl {

// Writes `text` to `path` via a temporary file in the same directory and a
// rename, so readers never see a half-written file.
void WriteFileAtomically(const std::filesystem::path& path, const std::string& text);

}  // namespace benchctl
