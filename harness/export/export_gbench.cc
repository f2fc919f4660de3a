// Google Benchmark JSON, modelled on what libbenchmark's JSONReporter writes and on what
// google/benchmark tools/compare.py (gbench/report.py, gbench/util.py) reads: a `benchmarks`
// array whose entries have `name`, `real_time`, `cpu_time`, `time_unit` (entries lacking them
// are not comparable), `run_type` "iteration"/"aggregate" with `aggregate_name`, and
// `repetition_index`/`family_index`/`per_family_instance_index` for sorting. Each verified
// process is one repetition, so compare.py's U test runs over processes as benchctl's does.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "escape.h"
#include "exporters.h"
#include "job_summary.h"
#include "json_lookup.h"
#include "statistics.h"

namespace benchctl {
namespace {

using ojson = nlohmann::ordered_json;

// "2026-11-22T10:05:24Z" → "2026-11-22T10:05:24+00:00", the form libbenchmark writes.
std::string GbenchDate(std::string utc) {
  if (!utc.empty() && utc.back() == 'Z') utc.replace(utc.size() - 1, 1, "+00:00");
  return utc;
}

// libbenchmark sets cpu_scaling_enabled when a CPU's governor is not "performance".
bool CpuScaling(const nlohmann::json& system) {
  const auto& governors = At(system, "governors");
  if (!governors.is_object()) return false;
  for (const auto& [governor, cpus] : governors.items()) {
    if (governor != "performance" && governor != "unreadable") return true;
  }
  return false;
}

ojson Context(const RunResult& run) {
  // Free-form parts are read leniently: a value of another type gives the default.
  const nlohmann::json system = run.environment.system;
  ojson load = ojson::array();
  if (const auto& loads = At(system, "load_average"); loads.is_array()) {
    for (const auto& v : loads) {
      if (v.is_number()) load.push_back(v.get<double>());
    }
  }
  const auto& cpus = At(system, "logical_cpus");
  return {{"date", GbenchDate(run.started_utc)},
          {"host_name", TextAt(system, "hostname", "")},
          {"executable", "benchctl"},
          {"num_cpus", cpus.is_number_integer() ? cpus.get<std::int64_t>() : 0},
          {"mhz_per_cpu", 0},  // benchctl does not record clock speeds.
          {"cpu_scaling_enabled", CpuScaling(system)},
          {"caches", ojson::array()},  // Not recorded either.
          {"load_avg", load},
          {"library_build_type", "release"},
          {"benchctl_version", TextAt(run.benchctl, "version", "")},
          {"suite", run.config.suite.value_or("")}};
}

// CPU time per operation. rusage gives CPU time only for the whole process, so its share of
// the process's wall time scales the per-operation time (exact for process-mode jobs, where an
// operation is the process; an estimate for in-process jobs, whose setup is included).
double CpuTimeNs(const ProcessRecord& p) {
  if (!(p.wall_seconds > 0)) return p.median_ns;
  return p.median_ns * (p.user_seconds + p.system_seconds) / p.wall_seconds;
}

// The keys every entry starts with; run_name is the name without an aggregate suffix.
ojson Entry(const std::string& name, const std::string& run_name, std::size_t family,
            const char* run_type) {
  return {{"name", name},
          {"family_index", family},
          {"per_family_instance_index", 0},
          {"run_name", run_name},
          {"run_type", run_type}};
}

// libbenchmark's entry for a benchmark that called SkipWithError.
ojson ErrorEntry(const JobResult& job, const std::string& name, std::size_t family) {
  ojson e = Entry(name, name, family, "iteration");
  e.update(ojson{{"repetitions", 1},
                 {"repetition_index", 0},
                 {"threads", 1},
                 {"error_occurred", true},
                 {"error_message", job.failure.empty() ? "job " + job.status : job.failure},
                 {"iterations", 0},
                 {"real_time", 0.0},
                 {"cpu_time", 0.0},
                 {"time_unit", "ns"}});
  return e;
}

void AddJob(const JobResult& job, std::size_t family, ojson& out) {
  const std::string name = ExportName(job.spec);
  std::vector<const ProcessRecord*> ok;
  for (const auto& p : job.processes) {
    if (p.ok) ok.push_back(&p);
  }
  // A failed job's processes are unverified, so none of them is a result.
  if (job.status == "failed" || ok.empty()) {
    out.push_back(ErrorEntry(job, name, family));
    return;
  }
  // Metrics the suite declared (counters) are user counters too, one value per repetition.
  std::vector<Metric> declared;
  for (Metric& m : MetricsOf(job)) {
    if (!m.spec.counter.empty() && m.values.size() == ok.size()) declared.push_back(std::move(m));
  }
  std::vector<double> real, cpu, rss;
  for (std::size_t i = 0; i < ok.size(); ++i) {
    const ProcessRecord& p = *ok[i];
    real.push_back(p.median_ns);
    cpu.push_back(CpuTimeNs(p));
    rss.push_back(static_cast<double>(p.peak_rss_kb) * 1024);
    ojson e = Entry(name, name, family, "iteration");
    e.update(ojson{{"repetitions", ok.size()},
                   {"repetition_index", i},
                   {"threads", 1},
                   {"iterations", std::max<std::int64_t>(p.iterations, 1)},
                   {"real_time", real.back()},
                   {"cpu_time", cpu.back()},
                   {"time_unit", "ns"},
                   {"peak_rss_bytes", rss.back()}});  // A user counter, as state.counters.
    for (const Metric& m : declared) e[m.spec.name] = m.values[i];
    out.push_back(std::move(e));
  }
  // libbenchmark reports aggregates only with two or more repetitions.
  if (ok.size() < 2) return;
  Summary r = Summarize(real), c = Summarize(cpu), m = Summarize(rss);
  const std::pair<const char*, std::array<double, 3>> aggregates[] = {
      {"mean", {r.mean, c.mean, m.mean}},
      {"median", {r.median, c.median, m.median}},
      {"stddev", {r.stddev, c.stddev, m.stddev}}};
  for (const auto& [aggregate, v] : aggregates) {
    ojson e = Entry(name + "_" + aggregate, name, family, "aggregate");
    e.update(ojson{{"repetitions", ok.size()},
                   {"threads", 1},
                   {"aggregate_name", aggregate},
                   {"aggregate_unit", "time"},
                   {"iterations", ok.size()},
                   {"real_time", v[0]},
                   {"cpu_time", v[1]},
                   {"time_unit", "ns"},
                   {"peak_rss_bytes", v[2]}});
    for (const Metric& m : declared) {
      const Summary& s = m.summary;
      e[m.spec.name] = std::string(aggregate) == "mean"     ? s.mean
                       : std::string(aggregate) == "median" ? s.median
                                                            : s.stddev;
    }
    out.push_back(std::move(e));
  }
}

}  // namespace

std::string ExportGbench(const RunResult& run) {
  ojson benchmarks = ojson::array();
  for (std::size_t i = 0; i < run.jobs.size(); ++i) AddJob(run.jobs[i], i, benchmarks);
  ojson doc = {{"context", Context(run)}, {"benchmarks", std::move(benchmarks)}};
  // nlohmann escapes C0 controls; DEL, C1 controls and bidi overrides are escaped here.
  return ForTerminalJson(doc.dump(2)) + "\n";
}

}  // namespace benchctl
