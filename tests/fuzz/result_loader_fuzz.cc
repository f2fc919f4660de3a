// libFuzzer target: no file, however corrupt, may crash benchctl (docs/ARCHITECTURE.md: a bad input
// is a user error with a message). Feeds the bytes to LoadRunResult, as `benchctl show FILE` does,
// and the parsed document to RunResultFromJson; then drives everything that reads a loaded run:
// show's RenderRun, compare of the run against itself and against its own re-loaded serialisation
// (table, Markdown, JSON), compare of its A/B builds, and every registered exporter. Only
// benchctl::Error is an expected failure. A crash, a sanitizer report, an nlohmann exception (the
// loader and the renderers check types first), a run that loads but whose serialisation does not
// load again, or a raw control character in what a terminal would print (escape.h) aborts: each is
// a bug. Built by scripts/fuzz.sh (BENCHCTL_FUZZ=ON, clang).
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "comparability.h"
#include "compare.h"
#include "compare_render.h"
#include "error.h"
#include "escape.h"
#include "exporters.h"
#include "result_file.h"
#include "show.h"

namespace {

using benchctl::RunResult;

[[noreturn]] void Bug(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "fuzz: %.*s: %.*s\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

// Text for a terminal may hold line breaks and tabs (benchstat's separator, stderr tails),
// nothing else below 0x20, no DEL and no UTF-8 C1 control.
void ExpectPrintable(std::string_view what, const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto u = static_cast<unsigned char>(text[i]);
    bool control =
        (u < 0x20 && u != '\n' && u != '\t') || u == 0x7F ||
        (u == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F);
    if (control) Bug(what, "raw control character at byte " + std::to_string(i));
  }
}

// Runs `step`; a benchctl::Error is an accepted refusal, an nlohmann exception is a bug.
template <typename Step>
void Guarded(std::string_view what, Step&& step) {
  try {
    step();
  } catch (const benchctl::Error&) {
  } catch (const nlohmann::json::exception& e) {
    Bug(what, e.what());
  }
}

void PresentComparison(std::string_view what, const benchctl::CompareReport& report) {
  ExpectPrintable(what, benchctl::RenderCompareTable(report, false));
  (void)benchctl::RenderCompareTable(report, true);
  ExpectPrintable(what, benchctl::RenderCompareMarkdown(report));
  ExpectPrintable(what, benchctl::ForTerminalJson(benchctl::CompareReportToJson(report).dump(2)));
}

// Everything downstream of a loaded run.
void Present(const RunResult& run) {
  RunResult again;
  Guarded("serialise", [&] {
    std::string text = benchctl::RunResultToJson(run).dump();
    try {
      again = benchctl::RunResultFromJson(nlohmann::json::parse(text), "again.json");
    } catch (const benchctl::Error& e) {
      Bug("a loaded run's own serialisation does not load", e.what());
    }
  });
  Guarded("show", [&] { ExpectPrintable("show", benchctl::RenderRun(run, "fuzz.json")); });
  for (const benchctl::Exporter& e : benchctl::Exporters()) {
    Guarded(e.name, [&] { ExpectPrintable(e.name, e.function(run)); });
  }
  Guarded("compare", [&] {
    PresentComparison("compare", {benchctl::CompareRuns(run, run),
                                  benchctl::CheckRunsComparable(run, run), "a", "b"});
  });
  Guarded("compare again", [&] {
    PresentComparison("compare again", {benchctl::CompareRuns(run, again),
                                        benchctl::CheckRunsComparable(run, again), "a", "b"});
  });
  Guarded("compare builds", [&] {
    PresentComparison("compare builds", {benchctl::CompareBuilds(run),
                                         benchctl::CheckBuildsComparable(run), "a", "b"});
  });
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
  Guarded("load", [&] { Present(benchctl::LoadRunResult(file.path)); });
  // The document-level entry point, on whatever nlohmann parses (however deep: it must refuse
  // before copying).
  nlohmann::json doc = nlohmann::json::parse(data, data + size, nullptr, false);
  if (!doc.is_discarded()) {
    Guarded("from json", [&] { (void)benchctl::RunResultFromJson(doc, "fuzz.json"); });
  }
  return 0;
}
