// One SQLite connection and its prepared statements; SQLite errors on expected paths are values.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/string_map.hpp"

namespace rempart::store {

class Database;

// A prepared statement, reset and unbound each time Database::prepare hands it out.
class Statement {
  public:
    explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Binding indexes start at 1, as in SQLite.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, std::nullopt_t);
    Statement& bind(int index, const std::optional<std::int64_t>& value);

    // True while there is a row to read; false when done. An error is returned by `status`.
    bool step();
    // The outcome of the last step: ok, or the error (with StoreError::duplicate for a
    // UNIQUE violation and StoreError::constraint for other constraints).
    Result<void> status() const;
    // Runs to completion, for statements that return no rows.
    Result<void> run();

    std::int64_t column_int(int index) const;
    std::string column_text(int index) const;
    std::optional<std::int64_t> column_optional_int(int index) const;
    bool column_is_null(int index) const;

    void reset();

  private:
    sqlite3_stmt* stmt_;
    int last_code_ = SQLITE_OK;
};

class Database {
  public:
    enum class Mode { read_write, read_only };

    // Opens (and for read_write creates) the file, in WAL mode with foreign keys on.
    static Result<std::unique_ptr<Database>> open(const std::filesystem::path& file, Mode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Statements are prepared once per connection and kept, keyed by their SQL text.
    Statement& prepare(std::string_view sql);
    // For SQL without parameters or results (pragmas, migrations, transactions).
    Result<void> exec(std::string_view sql);

    // Changes whenever another connection commits: lets a reader notice writes by
    // another thread or process without reading everything again.
    std::int64_t data_version();
    std::int64_t user_version();
    std::int64_t last_insert_id() const;
    // Rows the last INSERT, UPDATE or DELETE on this connection changed.
    std::int64_t changes() const;
    sqlite3* handle() { return db_; }

  private:
    explicit Database(sqlite3* db) : db_(db) {}
    sqlite3* db_;
    // Found by the SQL text as a view: a std::string built for each lookup was a malloc for
    // every statement a job runs.
    StringMap<std::unique_ptr<Statement>> statements_;
};

Error sqlite_error(sqlite3* db, int code, std::string_view doing);

}  // namespace rempart::store
