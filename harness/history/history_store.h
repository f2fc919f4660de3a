// The history store: result files recorded run by run in the SQLite database (schema in
// history_schema.cc), and the reads `history list`, `show` and `check` need. No statistics here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "result_model.h"
#include "sqlite_db.h"

namespace benchctl {

// A run to record and the file it came from.
struct RunToAdd {
  RunResult run;
  std::string source;
};

// What happened to one run of an AddRuns call.
struct AddOutcome {
  std::string run_id;
  std::string source;
  bool added = false;  // false: already recorded (same run_id), nothing changed.
};

// Records `runs` in one transaction: each run with every job, every metric (MetricsOf) and its
// per-process values, the environment, toolchains, benchctl's commit and the date. A run_id
// already present is skipped (idempotent). A run without a run_id is an Error naming the file.
std::vector<AddOutcome> AddRuns(Database& db, const std::vector<RunToAdd>& runs);

// One recorded run, as `history list` shows it.
struct RunRow {
  std::int64_t key = 0;  // Row id; runs are ordered by (started_utc, key).
  std::string run_id, started_utc, suite, git_commit, hostname, cpu_model, kernel;
  bool git_dirty = false, quick = false, complete = true;
  std::int64_t jobs = 0;
  std::string toolchains;  // JSON text of the run's `toolchains` block.
};

// Every run, oldest first.
std::vector<RunRow> ListRuns(Database& db);

// One run's values of one metric of one job.
struct StoredPoint {
  std::size_t run = 0;  // Index into ListRuns' order.
  std::vector<double> values;
  std::string unit, better;
  double noise_threshold = 0;
};

// A job's metric across runs, oldest first.
struct StoredSeries {
  std::string job_id, metric, language;
  std::vector<StoredPoint> points;
};

// The series of metric `metric` of every job whose id contains `filter` ("" for all), sorted by
// job id; `runs` is ListRuns' result.
std::vector<StoredSeries> LoadSeries(Database& db, const std::vector<RunRow>& runs,
                                     std::string_view filter, std::string_view metric);

// Marks `run_id` as the accepted baseline (check reports change points after it only).
// An unknown run_id is an Error.
void SetAcceptedRun(Database& db, std::string_view run_id);

// The accepted run's run_id, if one was accepted.
std::optional<std::string> AcceptedRun(Database& db);

}  // namespace benchctl
