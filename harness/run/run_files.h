// A run's identity and its result file: a unique run id, and a result path
// that never replaces a file this run did not write.
#pragma once

#include <filesystem>
#include <string>

namespace benchctl {

// 24 random hex digits (96 bits from the kernel): unique across runs and machines.
std::string NewRunId();

// Creates `path` holding `text` only if nothing is there yet: the text is
// written to a temporary file which is then hard-linked to `path`, so the
// check and the creation are one atomic step (two runs cannot both win) and
// no reader ever sees a half-written file. False if `path` already exists;
// throws benchctl::Error on any other failure.
bool CreateFileExclusively(const std::filesystem::path& path, const std::string& text);

// Claims the default result file `<dir>/<stem>.json` with `text`, or
// `<stem>-2.json`, `<stem>-3.json`, ... if taken; returns the path claimed.
std::filesystem::path ClaimDefaultResultPath(const std::filesystem::path& dir,
                                             const std::string& stem, const std::string& text);

// Claims `path` (the user's --out) with `text`; throws benchctl::Error if a
// file is already there: benchctl never replaces another run's result.
void ClaimResultPath(const std::filesystem::path& path, const std::string& text);

// Checks up front that a result file can be created at `path`: its folder
// exists or can be made, is a folder, and nothing is at `path` yet.
void CheckResultPathUsable(const std::filesystem::path& path);

}  // namespace benchctl
