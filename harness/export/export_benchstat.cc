// The Go benchmark format (golang.org/design/14313-benchmark-format; parsed by
// golang.org/x/perf/benchfmt): "key: value" configuration lines that apply to the results
// after them, then result lines "<name> <iterations> <value> <unit> [<value> <unit>...]" whose
// fields are separated by white space. A name starts with "Benchmark"; "/key=value" parts are
// sub-benchmark configuration (benchfmt.Name.Parts) and a final "-N" is GOMAXPROCS. Every other
// line, e.g. one starting with '#', is ignored. One result line per verified process: the
// process is the unit of replication for benchstat as for benchctl.
#include <fmt/format.h>

#include <cctype>

#include "escape.h"
#include "exporters.h"
#include "job_summary.h"
#include "json_lookup.h"

namespace benchctl {
namespace {

// Custom units are hyphenated words whose last word is the measurement unit ("bytes", which
// benchunit scales in powers of 1024); benchstat needs to be told lower is better.
constexpr const char* kPeakRssUnit = "peak-RSS-bytes";
constexpr const char* kBaselineRssUnit = "baseline-RSS-bytes";

// "json" → "BenchmarkJson", "my-suite" → "BenchmarkMySuite": a Go-style identifier.
std::string BaseName(std::string_view suite) {
  std::string out = "Benchmark";
  bool upper = true;
  for (char ch : suite) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(ch))) : ch;
    upper = false;
  }
  return out.size() > 9 ? out : out + "Unnamed";
}

// GOMAXPROCS for the "-N" suffix: what the harness set for the child, else the child CPU count.
std::string Procs(const JobSpec& spec, const RunResult& run) {
  auto it = spec.env.find("GOMAXPROCS");
  if (it != spec.env.end() && !it->second.empty() &&
      std::all_of(it->second.begin(), it->second.end(),
                  [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); })) {
    return it->second;
  }
  const auto& cpus = run.environment.child_cpus;
  return std::to_string(!cpus.empty() ? cpus.size() : 1);
}

std::string BenchmarkName(const JobSpec& spec, const RunResult& run) {
  std::string name = fmt::format("{}/op={}/impl={}", BaseName(spec.suite),
                                 ForBenchstatName(spec.operation), ForBenchstatName(spec.impl));
  if (spec.input) name += "/input=" + ForBenchstatName(spec.input->name);
  if (!spec.build_label.empty()) name += "/label=" + ForBenchstatName(spec.build_label);
  return name + "-" + Procs(spec, run);
}

// Go's names for `uname -m`, when the run recorded the machine type.
std::string GoArch(const nlohmann::json& system) {
  const std::string machine = StringAt(system, "machine", "");
  std::string_view arch = machine;
  if (machine == "x86_64") arch = "amd64";
  if (machine == "aarch64") arch = "arm64";
  return std::string(arch);
}

std::string Header(const RunResult& run) {
  // Free-form parts are read leniently and every value from the file is made one safe line.
  const nlohmann::json system = run.environment.system;
  std::string suite = run.config.suite.value_or("");
  // Only keys that are equal for comparable runs: benchstat puts results whose file
  // configuration differs into separate tables, so run-specific facts are comments.
  std::string out = "goos: linux\n";  // benchctl runs on Linux only (fork, wait4, affinity).
  if (std::string arch = GoArch(system); !arch.empty()) {
    out += "goarch: " + ForBenchstatText(arch) + "\n";
  }
  out += "cpu: " + ForBenchstatText(TextAt(system, "cpu_model", "unknown")) + "\n";
  out += "pkg: benchctl/" + ForBenchstatName(suite) + "\n";
  out += fmt::format("# benchctl {} ({}), run started {}; one line per verified process\n",
                     ForBenchstatText(TextAt(run.benchctl, "version", "?")),
                     ForBenchstatText(StringAt(run.benchctl, "git_commit", "no git commit")),
                     ForBenchstatText(run.started_utc));
  if (run.toolchains.is_object()) {
    for (const auto& [lang, t] : run.toolchains.items()) {
      out += fmt::format("# toolchain {}: {}\n", ForBenchstatText(lang),
                         ForBenchstatText(TextAt(t, "version", "?")));
    }
  }
  out +=
      fmt::format("Unit {} better=lower\nUnit {} better=lower\n", kPeakRssUnit, kBaselineRssUnit);
  return out;
}

// A benchstat unit is one word: a declared metric's unit, or its name when it has none.
std::string UnitWord(const MetricSpec& spec) {
  std::string unit = spec.unit.empty() ? spec.name : spec.unit;
  for (char& ch : unit) {
    if (std::isspace(static_cast<unsigned char>(ch))) ch = '-';
  }
  return ForBenchstatText(unit);
}

// The metrics the suite declared (counters), one value per verified process in order.
std::vector<Metric> DeclaredMetrics(const JobResult& job) {
  std::vector<Metric> out;
  for (Metric& m : MetricsOf(job)) {
    if (!m.spec.counter.empty()) out.push_back(std::move(m));
  }
  return out;
}

void AddJob(const JobResult& job, const RunResult& run, std::string& out) {
  const std::string name = BenchmarkName(job.spec, run);
  if (job.status == "failed") {
    // An unverified measurement is not a result; say so where a reader will look.
    out += fmt::format("# {} failed: {}\n", name, ForBenchstatText(job.failure));
    return;
  }
  std::vector<Metric> declared = DeclaredMetrics(job);
  for (const Metric& m : declared) {
    if (m.spec.better == Better::kHigher)
      out += fmt::format("Unit {} better=higher\n", UnitWord(m.spec));
  }
  std::size_t verified = 0;
  for (const auto& p : job.processes) {
    if (!p.ok) {
      out += fmt::format("# {} process in round {} failed: {}\n", name, p.round,
                         ForBenchstatText(p.failure));
      continue;
    }
    out +=
        fmt::format("{}\t{}\t{} ns/op", name, std::max<std::int64_t>(p.iterations, 1), p.median_ns);
    if (job.spec.bytes_per_op > 0 && p.median_ns > 0) {
      out += fmt::format("\t{} MB/s", job.spec.bytes_per_op / p.median_ns * 1e3);
    }
    out += fmt::format("\t{} {}", static_cast<double>(p.peak_rss_kb) * 1024, kPeakRssUnit);
    if (p.baseline_rss_kb) {
      out +=
          fmt::format("\t{} {}", static_cast<double>(*p.baseline_rss_kb) * 1024, kBaselineRssUnit);
    }
    for (const Metric& m : declared) {
      if (verified < m.values.size())
        out += fmt::format("\t{} {}", m.values[verified], UnitWord(m.spec));
    }
    ++verified;
    out += "\n";
  }
  if (job.status == "incomplete") out += fmt::format("# {} did not finish\n", name);
}

}  // namespace

std::string ExportBenchstat(const RunResult& run) {
  std::string out = Header(run) + "\n";
  for (const auto& job : run.jobs) AddJob(job, run, out);
  return out;
}

}  // namespace benchctl
