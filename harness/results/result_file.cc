#include "result_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "error.h"
#include "escape.h"
#include "job_summary.h"
#include "json_depth.h"
#include "result_reader.h"

namespace benchctl {
namespace {

using nlohmann::json;

json InputToJson(const InputInfo& in) {
  return {{"name", in.name},   {"path", in.path}, {"sha256", in.sha256},
          {"shape", in.shape}, {"seed", in.seed}, {"bytes", in.bytes}};
}

json SpecToJson(const JobSpec& s) {
  json j = {{"id", s.id},
            {"suite", s.suite},
            {"impl", s.impl},
            {"language", s.language},
            {"variant", s.variant},
            {"operation", s.operation},
            {"mode", s.mode},
            {"library", s.library},
            {"library_version", s.library_version},
            {"validation", s.validation},
            {"build_label", s.build_label},
            {"argv", s.argv},
            {"env", s.env},
            {"params", s.params},
            {"expected_verification", s.expected},
            {"verify", s.verify},
            {"bytes_per_op", s.bytes_per_op},
            {"items_per_op", s.items_per_op},
            {"ops_per_iteration", s.ops_per_iteration},
            {"op_unit", s.op_unit},
            {"reference", s.reference},
            {"artifact", s.artifact}};
  j["input"] = s.input ? InputToJson(*s.input) : json(nullptr);
  if (!s.setup_failure.empty()) j["setup_failure"] = s.setup_failure;
  if (!s.load.is_null()) j["load"] = s.load;
  return j;
}

json ProcessToJson(const ProcessRecord& p) {
  json j = {{"round", p.round},
            {"position", p.position},
            {"ok", p.ok},
            {"wall_seconds", p.wall_seconds},
            {"user_seconds", p.user_seconds},
            {"system_seconds", p.system_seconds},
            {"peak_rss_kb", p.peak_rss_kb},
            {"iterations", p.iterations},
            {"samples_ns", p.samples_ns},
            {"warmup_ns", p.warmup_ns},
            {"median_ns", p.median_ns},
            {"verification", p.verification},
            {"counters", p.counters}};
  j["baseline_rss_kb"] = p.baseline_rss_kb ? json(*p.baseline_rss_kb) : json(nullptr);
  if (p.minor_faults) j["minor_faults"] = *p.minor_faults;
  if (p.major_faults) j["major_faults"] = *p.major_faults;
  if (!p.failure.empty()) j["failure"] = p.failure;
  if (!p.stderr_tail.empty()) j["stderr_tail"] = p.stderr_tail;
  return j;
}

json MetricsToJson(const JobResult& job) {
  json out = json::object();
  for (const Metric& m : MetricsOf(job)) {
    json j = {{"unit", m.spec.unit},
              {"better", BetterName(m.spec.better)},
              {"noise_threshold", m.spec.noise_threshold},
              {"compared", m.spec.compared},
              {"label", m.spec.label},
              {"title", m.spec.title},
              {"values", m.values},
              {"summary", SummaryToJson(m.summary)}};
    if (!m.spec.counter.empty()) j["counter"] = m.spec.counter;
    out[m.spec.name] = std::move(j);
  }
  return out;
}

json InstructionToJson(const InstructionRecord& c) {
  json j = {{"ok", c.ok},
            {"per_op", c.per_op},
            {"short_total", c.short_total},
            {"long_total", c.long_total},
            {"extra_iterations", c.extra_iterations}};
  if (!c.failure.empty()) j["failure"] = c.failure;
  return j;
}

// Ranges of the numbers the loader keeps. Negative times and sizes are refused; the upper
// bounds (about 31 years) are far beyond any --timeout and keep every statistic computed
// from them finite. A zero time is accepted, even for a verified process: benchctl's own
// protocol lets a workload report zero-ns samples, and a file benchctl wrote must load;
// the renderers show no ratio or throughput for it and compare leaves it uncompared.
constexpr NumberRange kNanoseconds{0, 1e18, "a time in ns from 0 to 1e18"};
constexpr NumberRange kSeconds{0, 1e9, "a time in seconds from 0 to 1e9"};
constexpr NumberRange kBytes{0, 1e18, "a byte count from 0 to 1e18"};
constexpr NumberRange kItems{0, 1e18, "an item count from 0 to 1e18"};
constexpr NumberRange kInstructions{0, 1e18, "an instruction count from 0 to 1e18"};
constexpr NumberRange kMetricValue{-1e18, 1e18, "a number from -1e18 to 1e18"};
constexpr NumberRange kThreshold{0, 100, "a relative threshold from 0 to 100"};

// The error for a document nested deeper than kMaxResultDepth; `at` says where, if known.
Error NestingError(const std::string& name, const std::string& at) {
  return Error(
      fmt::format("{}: not a benchctl result file: arrays and objects nest deeper than {} levels{} "
                  "(benchctl's own files nest fewer than 10)",
                  name, kMaxResultDepth, at));
}

// Whether obj holds key with a value other than null (input and baseline_rss_kb may be null).
bool Present(const ResultReader& r, const json& obj, const std::string& key) {
  return r.Has(obj, key) && !obj.at(key).is_null();
}

// An optional whole number >= 0 of type T: 0 when the key is missing.
template <typename T>
T OptInt(const ResultReader& r, const json& obj, const std::string& key, const std::string& w) {
  return r.Has(obj, key) ? r.Int<T>(obj, key, w, 0) : T{0};
}

JobSpec SpecFromJson(const ResultReader& r, const json& j, const std::string& w) {
  JobSpec s;
  s.id = r.Str(j, "id", w);
  s.suite = r.Str(j, "suite", w);
  s.impl = r.Str(j, "impl", w);
  s.language = r.Str(j, "language", w);
  s.variant = r.Str(j, "variant", w);
  s.operation = r.Str(j, "operation", w);
  s.mode = r.Str(j, "mode", w);
  s.library = r.Str(j, "library", w);
  s.library_version = r.Str(j, "library_version", w);
  s.validation = r.Str(j, "validation", w);
  s.build_label = r.OptStr(j, "build_label", w, "");
  s.argv = r.Strings(j, "argv", w);
  s.env = r.StringMap(j, "env", w);
  if (r.Has(j, "params")) s.params = r.StringMap(j, "params", w);
  if (r.Has(j, "expected_verification")) s.expected = j.at("expected_verification");
  s.verify = r.OptStr(j, "verify", w, "equal");
  s.bytes_per_op = r.Has(j, "bytes_per_op") ? r.Num(j, "bytes_per_op", w, kBytes) : 0;
  s.items_per_op = r.Has(j, "items_per_op") ? r.Num(j, "items_per_op", w, kItems) : 0;
  s.reference = r.Has(j, "reference") && r.Bool(j, "reference", w);
  s.ops_per_iteration =
      r.Has(j, "ops_per_iteration") ? r.Int<std::int64_t>(j, "ops_per_iteration", w, 1) : 1;
  s.op_unit = r.OptStr(j, "op_unit", w, "op");
  s.artifact = r.Object(j, "artifact", w);
  s.setup_failure = r.OptStr(j, "setup_failure", w, "");
  if (r.Has(j, "load")) s.load = r.Object(j, "load", w);
  if (Present(r, j, "input")) {
    const json& in = r.Get(j, "input", json::value_t::object, w);
    const std::string wi = w + "input.";
    s.input = InputInfo{r.Str(in, "name", wi),
                        r.OptStr(in, "path", wi, ""),
                        r.Str(in, "sha256", wi),
                        r.OptStr(in, "shape", wi, ""),
                        OptInt<std::uint64_t>(r, in, "seed", wi),
                        OptInt<std::uint64_t>(r, in, "bytes", wi)};
  }
  return s;
}

ProcessRecord ProcessFromJson(const ResultReader& r, const json& j, const std::string& w) {
  ProcessRecord p;
  p.round = r.Int<int>(j, "round", w, 0);
  p.position = r.Int<int>(j, "position", w, 0);
  p.ok = r.Bool(j, "ok", w);
  p.wall_seconds = r.Num(j, "wall_seconds", w, kSeconds);
  p.user_seconds = r.Num(j, "user_seconds", w, kSeconds);
  p.system_seconds = r.Num(j, "system_seconds", w, kSeconds);
  p.peak_rss_kb = r.Int<long>(j, "peak_rss_kb", w, 0);
  if (Present(r, j, "baseline_rss_kb")) p.baseline_rss_kb = r.Int<long>(j, "baseline_rss_kb", w, 0);
  if (Present(r, j, "minor_faults")) p.minor_faults = r.Int<long>(j, "minor_faults", w, 0);
  if (Present(r, j, "major_faults")) p.major_faults = r.Int<long>(j, "major_faults", w, 0);
  p.iterations = OptInt<std::int64_t>(r, j, "iterations", w);
  p.samples_ns = r.Numbers(j, "samples_ns", w, kNanoseconds, true);
  p.warmup_ns = r.Numbers(j, "warmup_ns", w, kNanoseconds, false);
  p.median_ns = r.Num(j, "median_ns", w, kNanoseconds);
  if (r.Has(j, "verification")) p.verification = j.at("verification");
  p.counters = r.Object(j, "counters", w);
  p.failure = r.OptStr(j, "failure", w, "");
  p.stderr_tail = r.OptStr(j, "stderr_tail", w, "");
  return p;
}

InstructionRecord InstructionFromJson(const ResultReader& r, const json& j, const std::string& w) {
  InstructionRecord c;
  c.ok = r.Bool(j, "ok", w);
  c.per_op = r.Num(j, "per_op", w, kInstructions);
  c.short_total = r.Int<std::uint64_t>(j, "short_total", w, 0);
  c.long_total = r.Int<std::uint64_t>(j, "long_total", w, 0);
  c.extra_iterations = r.Int<std::int64_t>(j, "extra_iterations", w, 0);
  c.failure = r.OptStr(j, "failure", w, "");
  return c;
}

// One stored metric; its summary is derived data, recomputed from the values.
Metric MetricFromJson(const ResultReader& r, const std::string& name, const json& j,
                      const std::string& w) {
  if (!j.is_object()) r.Fail(w.substr(0, w.size() - 1), "is not a JSON object");
  const MetricSpec* builtin = FindBuiltinMetric(name);
  MetricSpec spec =
      builtin ? *builtin
              : MetricSpec{name, "", Better::kLower, kDefaultNoiseThreshold, false, name, name, ""};
  spec.unit = r.Str(j, "unit", w);
  spec.better =
      r.OneOf(j, "better", w, {"lower", "higher"}) == "higher" ? Better::kHigher : Better::kLower;
  if (r.Has(j, "noise_threshold"))
    spec.noise_threshold = r.Num(j, "noise_threshold", w, kThreshold);
  if (r.Has(j, "compared")) spec.compared = r.Bool(j, "compared", w);
  spec.label = r.OptStr(j, "label", w, spec.label);
  spec.title = r.OptStr(j, "title", w, spec.title);
  spec.counter = r.OptStr(j, "counter", w, spec.counter);
  std::vector<double> values = r.Numbers(j, "values", w, kMetricValue, true);
  if (values.empty()) r.Fail(w + "values", "is empty (a metric has at least one value)");
  Summary summary = Summarize(values);
  return {std::move(spec), std::move(values), std::move(summary)};
}

// A job's "metrics": built-in ones first in their report order, then the rest by name.
std::vector<Metric> MetricsFromJson(const ResultReader& r, const json& j, const std::string& w) {
  const json& obj = r.Get(j, "metrics", json::value_t::object, w);
  std::vector<Metric> metrics;
  for (const MetricSpec& spec : BuiltinMetrics()) {
    if (obj.contains(spec.name)) {
      metrics.push_back(
          MetricFromJson(r, spec.name, obj.at(spec.name), w + "metrics." + spec.name + "."));
    }
  }
  for (const auto& [name, value] : obj.items()) {
    if (FindBuiltinMetric(name) == nullptr) {
      metrics.push_back(MetricFromJson(r, name, value, w + "metrics." + name + "."));
    }
  }
  return metrics;
}

}  // namespace

json RunResultToJson(const RunResult& run) {
  json jobs = json::array();
  for (const JobResult& job : run.jobs) {
    json processes = json::array();
    for (const auto& p : job.processes) processes.push_back(ProcessToJson(p));
    json j = SpecToJson(job.spec);
    j["status"] = job.status;
    if (!job.failure.empty()) j["failure"] = job.failure;
    j["processes"] = std::move(processes);
    if (!job.instructions.empty()) {
      json counts = json::array();
      for (const auto& c : job.instructions) counts.push_back(InstructionToJson(c));
      j["instructions"] = std::move(counts);
    }
    j["metrics"] = MetricsToJson(job);
    jobs.push_back(std::move(j));
  }
  json doc = {{"schema_version", kResultSchemaVersion},
              {"benchctl", run.benchctl},
              {"environment", run.environment},
              {"toolchains", run.toolchains},
              {"config", run.config},
              {"started_utc", run.started_utc},
              {"finished_utc", run.finished_utc},
              {"complete", run.complete},
              {"stop_reason", run.stop_reason},
              {"results", std::move(jobs)}};
  if (!run.run_id.empty()) doc["run_id"] = run.run_id;
  return doc;
}

RunResult RunResultFromJson(const json& doc, const std::string& source) {
  const std::string name = ForTerminal(source);
  // Before anything copies the document: a copy recurses once per level.
  if (NestsDeeperThan(doc, kMaxResultDepth)) {
    throw NestingError(name, "");
  }
  ResultReader r(name);
  if (!doc.is_object()) r.Fail("(top level)", "is not a JSON object");
  const json& version = r.Get(doc, "schema_version", json::value_t::number_integer, "");
  // Compared as JSON numbers: 4294967297 must not read as 1 through an int.
  if (version != json(1) && version != json(kResultSchemaVersion)) {
    throw Error(
        fmt::format("{}: result schema_version {} is not supported (this benchctl reads 1 and {})",
                    name, version.dump(), kResultSchemaVersion));
  }
  // Version 1 stored no metrics: they are computed from the records, as version 1 readers did.
  const bool stored_metrics = version == json(kResultSchemaVersion);
  RunResult run;
  run.benchctl = r.Get(doc, "benchctl", json::value_t::object, "");
  run.environment =
      ReadRunEnvironment(r, r.Get(doc, "environment", json::value_t::object, ""), "environment.");
  run.toolchains = r.Get(doc, "toolchains", json::value_t::object, "");
  run.config = ReadRunConfig(r, r.Get(doc, "config", json::value_t::object, ""), "config.");
  run.run_id = r.OptStr(doc, "run_id", "", "");  // Absent in files from before run ids.
  run.started_utc = r.OptStr(doc, "started_utc", "", "");
  run.finished_utc = r.OptStr(doc, "finished_utc", "", "");
  run.complete = r.Bool(doc, "complete", "");
  run.stop_reason = r.OptStr(doc, "stop_reason", "", "");
  const json& results = r.Get(doc, "results", json::value_t::array, "");
  for (std::size_t i = 0; i < results.size(); ++i) {
    std::string where = fmt::format("results[{}].", i);
    JobResult job;
    job.spec = SpecFromJson(r, results[i], where);
    job.status = r.OneOf(results[i], "status", where, {"ok", "failed", "incomplete"});
    job.failure = r.OptStr(results[i], "failure", where, "");
    const json& processes = r.Get(results[i], "processes", json::value_t::array, where);
    for (std::size_t k = 0; k < processes.size(); ++k) {
      job.processes.push_back(
          ProcessFromJson(r, processes[k], where + fmt::format("processes[{}].", k)));
    }
    if (r.Has(results[i], "instructions")) {
      const json& counts = r.Get(results[i], "instructions", json::value_t::array, where);
      for (std::size_t k = 0; k < counts.size(); ++k) {
        job.instructions.push_back(
            InstructionFromJson(r, counts[k], where + fmt::format("instructions[{}].", k)));
      }
    }
    if (stored_metrics) job.stored_metrics = MetricsFromJson(r, results[i], where);
    run.jobs.push_back(std::move(job));
  }
  return run;
}

RunResult LoadRunResult(const std::filesystem::path& path) {
  // The path is printed in every message; a crafted file name must not reach the terminal raw.
  const std::string name = ForTerminal(path.string());
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) throw Error(fmt::format("{}: cannot read: {}", name, ec.message()));
  if (size == 0) throw Error(fmt::format("{}: the file is empty", name));
  if (size > kMaxResultFileBytes) {
    throw Error(
        fmt::format("{}: {} bytes is larger than any result file benchctl writes", name, size));
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  if (auto at = FindExcessNesting(text, kMaxResultDepth)) {
    throw NestingError(name, fmt::format(" (at byte {})", *at));
  }
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    throw Error(fmt::format("{}: not valid JSON (truncated or corrupt?) at byte {}", name, e.byte));
  } catch (const json::exception& e) {
    // out_of_range.406: a number beyond a double (1e400), which no benchctl file holds.
    std::string what = e.what();
    what.erase(0, what.find("] ") == std::string::npos ? 0 : what.find("] ") + 2);
    throw Error(fmt::format("{}: not a benchctl result file: a number is too large ({})", name,
                            ForTerminal(what)));
  }
  try {
    return RunResultFromJson(doc, path.string());
  } catch (const json::exception& e) {
    // The reader checks every type before converting; this is a last line of defence.
    throw Error(fmt::format("{}: unexpected content: {}", name, ForTerminal(e.what())));
  }
}

}  // namespace benchctl
