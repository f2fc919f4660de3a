// A small RAII layer over SQLite's C API for the history store: a Database owns a connection,
// a Statement a prepared statement. Every failure is a benchctl::Error naming the database file
// and SQLite's own message, so a locked, corrupt or foreign file is a clear user error.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace benchctl {

class Statement;

// One open connection. Not copyable; closed by the destructor.
class Database {
 public:
  // Opens (creating when `create`) the file at `path`, with a busy timeout so concurrent
  // writers wait for each other instead of failing.
  Database(const std::filesystem::path& path, bool create);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs SQL without results (several statements allowed).
  void Exec(std::string_view sql);
  // Prepares one statement.
  Statement Prepare(std::string_view sql);
  // The rowid of the last INSERT.
  std::int64_t LastInsertId() const;

  const std::filesystem::path& path() const { return path_; }
  sqlite3* handle() const { return db_; }

  // Throws the Error for a failed call: "<db>: <what>: <sqlite's message>".
  [[noreturn]] void Fail(std::string_view what) const;

 private:
  std::filesystem::path path_;
  sqlite3* db_ = nullptr;
};

// A prepared statement: bind (1-based), step, read columns (0-based).
class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;

  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view value);
  Statement& BindNull(int index);

  // Advances: true while a row is available, false when done.
  bool Step();
  // Steps a statement that returns no rows, then resets it for reuse with new bindings.
  void Run();
  // Clears the result state and bindings for reuse.
  void Reset();

  std::int64_t Int(int column) const;
  double Double(int column) const;
  std::string Text(int column) const;
  bool IsNull(int column) const;

 private:
  Database* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// A transaction that rolls back unless committed. `immediate` takes the write lock at once
// (BEGIN IMMEDIATE), so two writers queue on the busy timeout rather than deadlock.
class Transaction {
 public:
  Transaction(Database& db, bool immediate);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void Commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace benchctl
