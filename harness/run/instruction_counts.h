// Instruction counts per operation from valgrind's callgrind (`run --instructions N`).
//
// Time on a shared VM varies by ~18% between processes; the number of instructions a
// workload executes does not depend on what else the machine is doing, so a regression gate
// on it needs few processes. It is a regression signal, not a speed: callgrind emulates a CPU
// without AVX-512 (runtime-dispatched code may take another path than in the timed runs), and
// an instruction is not a cycle.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "executor.h"
#include "result_model.h"

namespace benchctl {

class ExecutionMode;

// How instruction counts are taken.
struct CallgrindSettings {
  std::string valgrind;           // Path of valgrind.
  int measurements = 0;           // Per job; 0 = off.
  double target_ns = 50e6;        // Native time the long run's extra iterations should take.
  std::int64_t min_extra = 10;    // Fewest extra iterations.
  std::filesystem::path out_dir;  // Where callgrind writes its output files.
  // Per language, what its children need under callgrind (toolchain `callgrind_env`).
  std::map<std::string, std::map<std::string, std::string>> language_env;
};

// Extra timed iterations for a job whose timed processes took `ns_per_op` (median): enough
// that their instructions dwarf the run-to-run variation of the rest of the process (Go's
// runtime and GC vary by ~1% of a process's total), at least settings.min_extra.
std::int64_t ExtraIterations(double ns_per_op, const CallgrindSettings& settings);

// The total of the first event (Ir) from a callgrind output file: its "totals:" line, or the
// "summary:" line older versions write. nullopt when neither is there.
std::optional<std::uint64_t> ParseCallgrindTotal(std::string_view text);

// The request that runs `base` under callgrind, writing to `out_file`, with
// the language's settings.language_env added (Go: GODEBUG=asyncpreemptoff=1,
// since callgrind aborts on the preemption signal). The mode adds the rest
// (inprocess: how many timed iterations).
RunRequest CallgrindRequest(const RunRequest& base, const JobSpec& job,
                            const CallgrindSettings& settings, const std::string& out_file);

// Where measurement `index` of `job` writes its callgrind files: a path stem
// (append ".out", "-short.out", ...) in settings.out_dir.
std::filesystem::path CallgrindStem(const JobSpec& job, const CallgrindSettings& settings,
                                    int index);

// One counted run: its instruction total, or why there is none.
struct CountedRun {
  std::uint64_t total = 0;
  std::string failure;
};

// Runs `request` (a CallgrindRequest writing to `file`), verifies it as `mode`
// interprets a timed process, and reads the total from `file`, which is removed.
CountedRun CountUnderCallgrind(const ExecutionMode& mode, const JobSpec& job,
                               const RunRequest& request, Executor& executor,
                               const std::filesystem::path& file);

// One measurement, as the job's mode takes it (ExecutionMode::MeasureInstructions,
// through BuiltinModes()): one run (process mode) or two (inprocess: 1 timed
// iteration, then 1 + `extra` iterations), each verified like a timed process.
// `index` only names the files.
InstructionRecord MeasureInstructions(const JobSpec& job, const RunRequest& base,
                                      Executor& executor, const CallgrindSettings& settings,
                                      int index, std::int64_t extra);

}  // namespace benchctl
