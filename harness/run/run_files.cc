#include "run_files.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/random.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

#include "error.h"
#include "result_file.h"

namespace benchctl {

namespace fs = std::filesystem;

namespace {

std::string AlreadyThere(const fs::path& path) {
  return fmt::format(
      "--out {}: a file is already there, and benchctl never replaces a result file; "
      "remove it or choose another name (without --out, each run gets a new name)",
      path.string());
}

}  // namespace

std::string NewRunId() {
  std::array<unsigned char, 12> bytes{};
  std::size_t got = 0;
  while (got < bytes.size()) {
    ssize_t n = getrandom(bytes.data() + got, bytes.size() - got, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw Error(fmt::format("cannot read random bytes: {}", std::strerror(errno)));
    got += static_cast<std::size_t>(n);
  }
  std::string id;
  for (unsigned char b : bytes) id += fmt::format("{:02x}", b);
  return id;
}

bool CreateFileExclusively(const fs::path& path, const std::string& text) {
  fs::path tmp = path;
  tmp += fmt::format(".{}.claim.tmp", getpid());
  WriteFileAtomically(tmp, text);
  // link() fails with EEXIST instead of replacing: the atomic "create if absent".
  int rc = link(tmp.c_str(), path.c_str());
  int saved = errno;
  unlink(tmp.c_str());
  if (rc == 0) return true;
  if (saved == EEXIST) return false;
  throw Error(fmt::format("cannot create {}: {}", path.string(), std::strerror(saved)));
}

fs::path ClaimDefaultResultPath(const fs::path& dir, const std::string& stem,
                                const std::string& text) {
  for (int n = 1; n < 10000; ++n) {
    fs::path candidate = dir / (n == 1 ? stem + ".json" : fmt::format("{}-{}.json", stem, n));
    if (CreateFileExclusively(candidate, text)) return candidate;
  }
  throw Error(fmt::format("{}: 9,999 result files named {}-N.json already exist: pass --out",
                          dir.string(), stem));
}

void ClaimResultPath(const fs::path& path, const std::string& text) {
  if (!CreateFileExclusively(path, text)) {
    throw Error(AlreadyThere(path));
  }
}

void CheckResultPathUsable(const fs::path& path) {
  fs::path parent = fs::absolute(path).parent_path();
  std::error_code ec;
  if (fs::exists(parent, ec) && !fs::is_directory(parent, ec)) {
    throw Error(fmt::format("--out {}: {} is not a folder", path.string(), parent.string()));
  }
  fs::create_directories(parent, ec);
  if (ec) {
    throw Error(fmt::format("--out {}: cannot create the folder {}: {}", path.string(),
                            parent.string(), ec.message()));
  }
  if (access(parent.c_str(), W_OK) != 0) {
    throw Error(
        fmt::format("--out {}: the folder {} is not writable", path.string(), parent.string()));
  }
  if (fs::exists(fs::symlink_status(path, ec))) {
    throw Error(AlreadyThere(path));
  }
}

}  // namespace benchctl
