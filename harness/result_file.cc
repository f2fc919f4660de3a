#include "result_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>

#include "error.h"
#include "job_summary.h"

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
            {"expected_verification", s.expected},
            {"verify", s.verify == VerifyKind::kEqual ? "equal" : "serialized-file"},
            {"bytes_per_op", s.bytes_per_op},
            {"artifact", s.artifact}};
  j["input"] = s.input ? InputToJson(*s.input) : json(nullptr);
  if (!s.setup_failure.empty()) j["setup_failure"] = s.setup_failure;
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
  if (!p.failure.empty()) j["failure"] = p.failure;
  if (!p.stderr_tail.empty()) j["stderr_tail"] = p.stderr_tail;
  return j;
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

// Reads typed values out of a loaded file, naming file and key on error.
class Reader {
 public:
  explicit Reader(std::string source) : source_(std::move(source)) {}

  const json& Get(const json& obj, const std::string& key, json::value_t type,
                  const std::string& where) const {
    if (!obj.is_object() || !obj.contains(key)) Fail(where + key, "is missing");
    const json& v = obj.at(key);
    bool ok = v.type() == type || (type == json::value_t::number_float && v.is_number()) ||
              (type == json::value_t::number_integer && v.is_number_integer());
    if (!ok) Fail(where + key, std::string("has type ") + v.type_name());
    return v;
  }
  std::string Str(const json& o, const std::string& k, const std::string& w) const {
    return Get(o, k, json::value_t::string, w).get<std::string>();
  }
  double Num(const json& o, const std::string& k, const std::string& w) const {
    return Get(o, k, json::value_t::number_float, w).get<double>();
  }
  // A number that must fit an integer type: out of range is a broken file.
  template <typename T>
  T Int(const json& o, const std::string& k, const std::string& w) const {
    double v = Num(o, k, w);
    if (!(v >= static_cast<double>(std::numeric_limits<T>::min()) &&
          v <= static_cast<double>(std::numeric_limits<T>::max()))) {
      Fail(w + k, "is out of range");
    }
    return static_cast<T>(v);
  }
  [[noreturn]] void Fail(const std::string& key, const std::string& problem) const {
    throw Error(fmt::format("{}: not a benchctl result file: `{}` {}", source_, key, problem));
  }

 private:
  std::string source_;
};

JobSpec SpecFromJson(const Reader& r, const json& j, const std::string& w) {
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
  s.build_label = j.value("build_label", "");
  s.argv = j.value("argv", std::vector<std::string>{});
  s.env = j.value("env", std::map<std::string, std::string>{});
  s.expected = j.value("expected_verification", json());
  s.verify =
      j.value("verify", "equal") == "equal" ? VerifyKind::kEqual : VerifyKind::kSerializedFile;
  s.bytes_per_op = j.value("bytes_per_op", 0.0);
  s.artifact = j.value("artifact", json::object());
  s.setup_failure = j.value("setup_failure", "");
  if (j.contains("input") && j["input"].is_object()) {
    const json& in = j["input"];
    s.input = InputInfo{r.Str(in, "name", w + "input."),    in.value("path", ""),
                        r.Str(in, "sha256", w + "input."),  in.value("shape", ""),
                        in.value("seed", std::uint64_t{0}), in.value("bytes", std::uint64_t{0})};
  }
  return s;
}

ProcessRecord ProcessFromJson(const Reader& r, const json& j, const std::string& w) {
  ProcessRecord p;
  p.round = r.Int<int>(j, "round", w);
  p.position = r.Int<int>(j, "position", w);
  p.ok = r.Get(j, "ok", json::value_t::boolean, w).get<bool>();
  p.wall_seconds = r.Num(j, "wall_seconds", w);
  p.user_seconds = r.Num(j, "user_seconds", w);
  p.system_seconds = r.Num(j, "system_seconds", w);
  p.peak_rss_kb = r.Int<long>(j, "peak_rss_kb", w);
  if (j.contains("baseline_rss_kb") && j["baseline_rss_kb"].is_number()) {
    p.baseline_rss_kb = r.Int<long>(j, "baseline_rss_kb", w);
  }
  p.iterations = j.value("iterations", std::int64_t{0});
  p.samples_ns = r.Get(j, "samples_ns", json::value_t::array, w).get<std::vector<double>>();
  p.warmup_ns = j.value("warmup_ns", std::vector<double>{});
  p.median_ns = r.Num(j, "median_ns", w);
  p.verification = j.value("verification", json());
  p.counters = j.value("counters", json::object());
  p.failure = j.value("failure", "");
  p.stderr_tail = j.value("stderr_tail", "");
  return p;
}

InstructionRecord InstructionFromJson(const Reader& r, const json& j, const std::string& w) {
  InstructionRecord c;
  c.ok = r.Get(j, "ok", json::value_t::boolean, w).get<bool>();
  c.per_op = r.Num(j, "per_op", w);
  if (!(std::isfinite(c.per_op) && c.per_op >= 0)) r.Fail(w + "per_op", "is out of range");
  c.short_total = r.Int<std::uint64_t>(j, "short_total", w);
  c.long_total = r.Int<std::uint64_t>(j, "long_total", w);
  c.extra_iterations = r.Int<std::int64_t>(j, "extra_iterations", w);
  c.failure = j.value("failure", "");
  return c;
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
    j["summary"] = SummarizeJob(job);
    jobs.push_back(std::move(j));
  }
  return {{"schema_version", kResultSchemaVersion},
          {"benchctl", run.benchctl},
          {"environment", run.environment},
          {"toolchains", run.toolchains},
          {"config", run.config},
          {"started_utc", run.started_utc},
          {"finished_utc", run.finished_utc},
          {"complete", run.complete},
          {"stop_reason", run.stop_reason},
          {"results", std::move(jobs)}};
}

RunResult RunResultFromJson(const json& doc, const std::string& source) {
  Reader r(source);
  if (!doc.is_object()) r.Fail("(top level)", "is not a JSON object");
  const json& version = r.Get(doc, "schema_version", json::value_t::number_integer, "");
  if (version.get<int>() != kResultSchemaVersion) {
    throw Error(
        fmt::format("{}: result schema_version {} is not supported (this benchctl reads {})",
                    source, version.dump(), kResultSchemaVersion));
  }
  RunResult run;
  run.benchctl = r.Get(doc, "benchctl", json::value_t::object, "");
  run.environment = r.Get(doc, "environment", json::value_t::object, "");
  run.toolchains = r.Get(doc, "toolchains", json::value_t::object, "");
  run.config = r.Get(doc, "config", json::value_t::object, "");
  run.started_utc = doc.value("started_utc", "");
  run.finished_utc = doc.value("finished_utc", "");
  run.complete = r.Get(doc, "complete", json::value_t::boolean, "").get<bool>();
  run.stop_reason = doc.value("stop_reason", "");
  const json& results = r.Get(doc, "results", json::value_t::array, "");
  for (std::size_t i = 0; i < results.size(); ++i) {
    std::string where = fmt::format("results[{}].", i);
    JobResult job;
    job.spec = SpecFromJson(r, results[i], where);
    job.status = r.Str(results[i], "status", where);
    job.failure = results[i].value("failure", "");
    const json& processes = r.Get(results[i], "processes", json::value_t::array, where);
    for (std::size_t k = 0; k < processes.size(); ++k) {
      job.processes.push_back(
          ProcessFromJson(r, processes[k], where + fmt::format("processes[{}].", k)));
    }
    if (results[i].contains("instructions")) {
      const json& counts = r.Get(results[i], "instructions", json::value_t::array, where);
      for (std::size_t k = 0; k < counts.size(); ++k) {
        job.instructions.push_back(
            InstructionFromJson(r, counts[k], where + fmt::format("instructions[{}].", k)));
      }
    }
    run.jobs.push_back(std::move(job));
  }
  return run;
}

RunResult LoadRunResult(const std::filesystem::path& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) throw Error(fmt::format("{}: cannot read: {}", path.string(), ec.message()));
  if (size == 0) throw Error(fmt::format("{}: the file is empty", path.string()));
  if (size > kMaxResultFileBytes) {
    throw Error(fmt::format("{}: {} bytes is larger than any result file benchctl writes",
                            path.string(), size));
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  json doc;
  try {
    doc = json::parse(buffer.str());
  } catch (const json::parse_error& e) {
    throw Error(fmt::format("{}: not valid JSON (truncated or corrupt?) at byte {}", path.string(),
                            e.byte));
  }
  return RunResultFromJson(doc, path.string());
}

void WriteFileAtomically(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::path tmp = path;
  tmp += fmt::format(".{}.tmp", getpid());
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    throw Error(fmt::format("cannot write {}: {}", tmp.string(), std::strerror(errno)));
  }
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int saved = errno;
      close(fd);
      unlink(tmp.c_str());
      throw Error(fmt::format("cannot write {}: {}", tmp.string(), std::strerror(saved)));
    }
    done += static_cast<std::size_t>(n);
  }
  fsync(fd);
  close(fd);
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    int saved = errno;
    unlink(tmp.c_str());
    throw Error(fmt::format("cannot rename {} to {}: {}", tmp.string(), path.string(),
                            std::strerror(saved)));
  }
}

}  // namespace benchctl
