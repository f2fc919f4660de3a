// libFuzzer target: no file, however corrupt, may crash benchctl (GUIDE.md §6: a bad input is
// a user error with a message). Feeds the bytes to LoadRunResult, as `benchctl show FILE`
// does, and the parsed document to RunResultFromJson; then drives what reads a loaded run
// (summaries, show, compare, every exporter), since a file that loads must also present.
// benchctl::Error and nlohmann exceptions are the expected failures; anything else, and any
// sanitizer report, is a bug. Built by scripts/fuzz.sh (BENCHCTL_FUZZ=ON, clang).
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "comparability.h"
#include "compare.h"
#include "compare_render.h"
#include "error.h"
#include "exporters.h"
#include "result_file.h"
#include "show.h"

namespace {

using benchctl::RunResult;

// Everything downstream of a loaded run; each step may reject the data with an Error.
void Present(const RunResult& run) {
  auto guarded = [](auto&& step) {
    try {
      step();
    } catch (const benchctl::Error&) {
    } catch (const nlohmann::json::exception&) {
    }
  };
  guarded([&] { (void)benchctl::RunResultToJson(run).dump(); });
  guarded([&] { (void)benchctl::RenderRun(run, "fuzz.json"); });
  for (const benchctl::Exporter& e : benchctl::Exporters()) guarded([&] { (void)e.function(run); });
  guarded([&] {
    benchctl::CompareReport report{benchctl::CompareRuns(run, run),
                                   benchctl::CheckRunsComparable(run, run), "a", "b"};
    (void)benchctl::RenderCompareTable(report, true);
    (void)benchctl::RenderCompareMarkdown(report);
    (void)benchctl::CompareReportToJson(report).dump();
  });
  guarded([&] { (void)benchctl::CompareBuilds(run); });
}

// The loader reads a path: the bytes go into a memory file, reached through /proc/self/fd.
struct MemoryFile {
  int fd;
  std::string path;
};

const MemoryFile& Scratch() {
  static const MemoryFile file = [] {
    int fd = memfd_create("result.json", 0);
    if (fd < 0) std::abort();
    return MemoryFile{fd, "/proc/self/fd/" + std::to_string(fd)};
  }();
  return file;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const MemoryFile& file = Scratch();
  if (ftruncate(file.fd, 0) != 0 || pwrite(file.fd, data, size, 0) != static_cast<ssize_t>(size)) {
    std::abort();
  }
  try {
    Present(benchctl::LoadRunResult(file.path));
  } catch (const benchctl::Error&) {
  } catch (const nlohmann::json::exception&) {
  }
  nlohmann::json doc = nlohmann::json::parse(data, data + size, nullptr, false);
  if (doc.is_discarded()) return 0;
  try {
    (void)benchctl::RunResultFromJson(doc, "fuzz.json");
  } catch (const benchctl::Error&) {
  } catch (const nlohmann::json::exception&) {
  }
  return 0;
}
