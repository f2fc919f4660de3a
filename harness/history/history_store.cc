#include "history_store.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <map>

#include "error.h"
#include "escape.h"
#include "job_summary.h"

namespace benchctl {
namespace {

using nlohmann::json;

// A string value of `obj[key]`, or "" when it is missing or not a string.
std::string StringAt(const json& obj, const char* key) {
  if (!obj.is_object()) return "";
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string NowUtc() {
  return fmt::format(
      "{:%Y-%m-%dT%H:%M:%SZ}",
      fmt::gmtime(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now())));
}

bool IsRecorded(Database& db, const std::string& run_id) {
  Statement s = db.Prepare("SELECT 1 FROM runs WHERE run_id = ?");
  s.Bind(1, run_id);
  return s.Step();
}

// Inserts the run's row and returns its key.
std::int64_t InsertRun(Database& db, const RunToAdd& item) {
  const RunResult& run = item.run;
  Statement s = db.Prepare(
      "INSERT INTO runs (run_id, started_utc, suite, git_commit, git_dirty, hostname, cpu_model, "
      "kernel, quick, complete, processes, environment, toolchains, benchctl, source, added_utc) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  json environment = run.environment;
  s.Bind(1, run.run_id)
      .Bind(2, run.started_utc)
      .Bind(3, run.config.suite.value_or(""))
      .Bind(4, StringAt(run.benchctl, "git_commit"))
      .Bind(5, std::int64_t{run.benchctl.is_object() && run.benchctl.value("git_dirty", false)})
      .Bind(6, StringAt(run.environment.system.extra, "hostname"))
      .Bind(7, run.environment.system.cpu_model.value_or(""))
      .Bind(8, run.environment.system.kernel.value_or(""))
      .Bind(9, std::int64_t{run.config.quick})
      .Bind(10, std::int64_t{run.complete})
      .Bind(11, std::int64_t{run.config.processes})
      .Bind(12, environment.dump())
      .Bind(13, run.toolchains.dump())
      .Bind(14, run.benchctl.dump())
      .Bind(15, item.source)
      .Bind(16, NowUtc());
  s.Run();
  return db.LastInsertId();
}

void InsertJobs(Database& db, std::int64_t run_key, const RunResult& run) {
  Statement job_row =
      db.Prepare("INSERT INTO jobs (run, job_id, language, status) VALUES (?,?,?,?)");
  Statement metric_row = db.Prepare(
      "INSERT INTO metrics (job, name, unit, better, noise_threshold) VALUES (?,?,?,?,?)");
  Statement value_row =
      db.Prepare("INSERT INTO metric_values (metric, position, value) VALUES (?,?,?)");
  for (const JobResult& job : run.jobs) {
    job_row.Bind(1, run_key)
        .Bind(2, job.spec.id)
        .Bind(3, job.spec.language)
        .Bind(4, job.status)
        .Run();
    std::int64_t job_key = db.LastInsertId();
    for (const Metric& metric : MetricsOf(job)) {
      metric_row.Bind(1, job_key)
          .Bind(2, metric.spec.name)
          .Bind(3, metric.spec.unit)
          .Bind(4, BetterName(metric.spec.better))
          .Bind(5, metric.spec.noise_threshold)
          .Run();
      std::int64_t metric_key = db.LastInsertId();
      for (std::size_t i = 0; i < metric.values.size(); ++i) {
        value_row.Bind(1, metric_key)
            .Bind(2, static_cast<std::int64_t>(i))
            .Bind(3, metric.values[i])
            .Run();
      }
    }
  }
}

}  // namespace

std::vector<AddOutcome> AddRuns(Database& db, const std::vector<RunToAdd>& runs) {
  for (const auto& item : runs) {
    if (item.run.run_id.empty()) {
      throw Error(
          fmt::format("{}: the result has no run_id (written by a benchctl before run "
                      "ids existed), so history cannot record it once and only once",
                      ForTerminal(item.source)));
    }
  }
  std::vector<AddOutcome> outcomes;
  Transaction tx(db, /*immediate=*/true);
  for (const auto& item : runs) {
    AddOutcome outcome{item.run.run_id, item.source, false};
    if (!IsRecorded(db, item.run.run_id)) {
      InsertJobs(db, InsertRun(db, item), item.run);
      outcome.added = true;
    }
    outcomes.push_back(std::move(outcome));
  }
  tx.Commit();
  return outcomes;
}

std::vector<RunRow> ListRuns(Database& db) {
  Statement s = db.Prepare(
      "SELECT r.id, r.run_id, r.started_utc, r.suite, r.git_commit, r.hostname, r.cpu_model, "
      "r.kernel, r.git_dirty, r.quick, r.complete, r.toolchains, "
      "(SELECT count(*) FROM jobs j WHERE j.run = r.id) "
      "FROM runs r ORDER BY r.started_utc, r.id");
  std::vector<RunRow> rows;
  while (s.Step()) {
    RunRow row;
    row.key = s.Int(0);
    row.run_id = s.Text(1);
    row.started_utc = s.Text(2);
    row.suite = s.Text(3);
    row.git_commit = s.Text(4);
    row.hostname = s.Text(5);
    row.cpu_model = s.Text(6);
    row.kernel = s.Text(7);
    row.git_dirty = s.Int(8) != 0;
    row.quick = s.Int(9) != 0;
    row.complete = s.Int(10) != 0;
    row.toolchains = s.Text(11);
    row.jobs = s.Int(12);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<StoredSeries> LoadSeries(Database& db, const std::vector<RunRow>& runs,
                                     std::string_view filter, std::string_view metric) {
  std::map<std::int64_t, std::size_t> run_index;
  for (std::size_t i = 0; i < runs.size(); ++i) run_index[runs[i].key] = i;
  // instr() rather than LIKE: a job id may hold % or _.
  Statement s = db.Prepare(
      "SELECT j.job_id, j.language, j.run, m.unit, m.better, m.noise_threshold, v.value "
      "FROM jobs j JOIN metrics m ON m.job = j.id JOIN metric_values v ON v.metric = m.id "
      "WHERE m.name = ? AND (? = '' OR instr(j.job_id, ?) > 0) "
      "ORDER BY j.job_id, j.run, v.position");
  s.Bind(1, metric).Bind(2, filter).Bind(3, filter);
  std::map<std::string, StoredSeries> by_job;
  std::map<std::string, std::map<std::size_t, StoredPoint>> points;
  while (s.Step()) {
    std::string job_id = s.Text(0);
    StoredSeries& series = by_job[job_id];
    series.job_id = job_id;
    series.metric = std::string(metric);
    series.language = s.Text(1);
    auto found = run_index.find(s.Int(2));
    BENCHCTL_CHECK(found != run_index.end());
    StoredPoint& point = points[job_id][found->second];
    point.run = found->second;
    point.unit = s.Text(3);
    point.better = s.Text(4);
    point.noise_threshold = s.Double(5);
    point.values.push_back(s.Double(6));
  }
  std::vector<StoredSeries> out;
  for (auto& [job_id, series] : by_job) {
    for (auto& [index, point] : points[job_id]) series.points.push_back(std::move(point));
    out.push_back(std::move(series));
  }
  return out;
}

void SetAcceptedRun(Database& db, std::string_view run_id) {
  Transaction tx(db, /*immediate=*/true);
  Statement known = db.Prepare("SELECT 1 FROM runs WHERE run_id = ?");
  known.Bind(1, run_id);
  if (!known.Step()) {
    throw Error(fmt::format("{}: no recorded run has run_id {} (see `benchctl history list`)",
                            ForTerminal(db.path().string()), ForTerminal(run_id)));
  }
  Statement s =
      db.Prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('accepted_run', ?)");
  s.Bind(1, run_id).Run();
  tx.Commit();
}

std::optional<std::string> AcceptedRun(Database& db) {
  Statement s = db.Prepare("SELECT value FROM settings WHERE key = 'accepted_run'");
  if (!s.Step()) return std::nullopt;
  return s.Text(0);
}

}  // namespace benchctl
