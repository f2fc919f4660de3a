#include "history_schema.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "error.h"
#include "escape.h"

namespace benchctl {
namespace {

// Version 1. Values are kept per process so a later method (or a re-analysis) never needs the
// result files again; the run's environment and toolchains are kept whole as JSON text.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  run_id TEXT NOT NULL UNIQUE,
  started_utc TEXT NOT NULL,
  suite TEXT NOT NULL,
  git_commit TEXT NOT NULL,
  git_dirty INTEGER NOT NULL,
  hostname TEXT NOT NULL,
  cpu_model TEXT NOT NULL,
  kernel TEXT NOT NULL,
  quick INTEGER NOT NULL,
  complete INTEGER NOT NULL,
  processes INTEGER NOT NULL,
  environment TEXT NOT NULL,
  toolchains TEXT NOT NULL,
  benchctl TEXT NOT NULL,
  source TEXT NOT NULL,
  added_utc TEXT NOT NULL
);
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  job_id TEXT NOT NULL,
  language TEXT NOT NULL,
  status TEXT NOT NULL,
  UNIQUE (run, job_id)
);
CREATE TABLE metrics (
  id INTEGER PRIMARY KEY,
  job INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  better TEXT NOT NULL,
  noise_threshold REAL NOT NULL,
  UNIQUE (job, name)
);
CREATE TABLE metric_values (
  metric INTEGER NOT NULL REFERENCES metrics(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (metric, position)
);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE INDEX jobs_by_name ON jobs(job_id);
)sql";

// WAL needs a moment of exclusive access to switch on; a concurrent first open may see BUSY
// even with the busy timeout, so it retries briefly.
void EnableWal(Database& db) {
  for (int attempt = 0;; ++attempt) {
    int rc = sqlite3_exec(db.handle(), "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return;
    if ((rc & 0xff) != SQLITE_BUSY || attempt >= 100) db.Fail("cannot switch to WAL mode");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

}  // namespace

int SchemaVersion(Database& db) {
  Statement s = db.Prepare("PRAGMA user_version");
  return s.Step() ? static_cast<int>(s.Int(0)) : 0;
}

std::unique_ptr<Database> OpenHistory(const std::filesystem::path& path, bool create) {
  if (!create && !std::filesystem::exists(path)) {
    throw Error(
        fmt::format("{}: no history database here (record runs with `benchctl history "
                    "add FILE...`, or name another with --db)",
                    ForTerminal(path.string())));
  }
  if (create && path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  auto db = std::make_unique<Database>(path, create);
  EnableWal(*db);
  db->Exec("PRAGMA foreign_keys=ON");
  Transaction tx(*db, /*immediate=*/true);
  int version = SchemaVersion(*db);
  if (version > kHistorySchemaVersion) {
    throw Error(fmt::format(
        "{}: history schema version {} is newer than this benchctl's ({}): it was written by "
        "a newer benchctl; use that version, or another --db",
        ForTerminal(path.string()), version, kHistorySchemaVersion));
  }
  if (version < 1) {
    // Version 0 is a new, empty database, unless it already has tables: then it is some
    // other program's SQLite file, which history must not write into.
    Statement tables = db->Prepare("SELECT count(*) FROM sqlite_master");
    if (tables.Step() && tables.Int(0) > 0) {
      throw Error(
          fmt::format("{}: an SQLite database that is not a benchctl history (it has "
                      "tables but no history schema version); name another with --db",
                      ForTerminal(path.string())));
    }
    db->Exec(kSchemaV1);
  }
  // Later versions migrate here, one step per version, in this transaction.
  if (version != kHistorySchemaVersion) {
    db->Exec(fmt::format("PRAGMA user_version={}", kHistorySchemaVersion));
  }
  tx.Commit();
  return db;
}

}  // namespace benchctl
