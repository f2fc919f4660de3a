// The history database's schema and its version (PRAGMA user_version). A database written by a
// newer benchctl (a higher version) is refused rather than misread; an older one is migrated.
#pragma once

#include <filesystem>
#include <memory>

#include "sqlite_db.h"

namespace benchctl {

// The schema this benchctl writes. 1: runs, jobs, metrics, per-process values, settings.
inline constexpr int kHistorySchemaVersion = 1;

// Opens the history database at `path` in WAL mode (readers never block the writer, and a
// crash mid-add leaves the last committed state) and brings its schema to
// kHistorySchemaVersion. With `create` a missing file (and its folder) is created; without,
// a missing file is an Error saying to add a run first. A database whose version is higher is
// an Error naming both versions.
std::unique_ptr<Database> OpenHistory(const std::filesystem::path& path, bool create);

// The database's schema version (PRAGMA user_version).
int SchemaVersion(Database& db);

}  // namespace benchctl
