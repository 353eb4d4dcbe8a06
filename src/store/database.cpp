// One SQLite connection and its prepared statements.
#include "store/database.hpp"

#include <mutex>
#include <stdexcept>

#include "store/errors.hpp"

namespace rempart::store {

Error sqlite_error(sqlite3* db, int code, std::string_view doing) {
    const int primary = code & 0xff;
    std::string detail =
        std::string(doing) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
    if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
        return make_error(StoreError::duplicate, std::move(detail));
    if (primary == SQLITE_CONSTRAINT) return make_error(StoreError::constraint, std::move(detail));
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        return make_error(StoreError::busy, std::move(detail));
    return make_error(StoreError::failed, std::move(detail));
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
    return value ? bind(index, *value) : bind(index, std::nullopt);
}

bool Statement::step() {
    last_code_ = sqlite3_step(stmt_);
    return last_code_ == SQLITE_ROW;
}

Result<void> Statement::status() const {
    if (last_code_ == SQLITE_ROW || last_code_ == SQLITE_DONE || last_code_ == SQLITE_OK) return {};
    return sqlite_error(sqlite3_db_handle(stmt_),
                        sqlite3_extended_errcode(sqlite3_db_handle(stmt_)), "statement failed");
}

Result<void> Statement::run() {
    while (step()) {
    }
    auto result = status();
    reset();
    return result;
}

std::int64_t Statement::column_int(int index) const {
    return sqlite3_column_int64(stmt_, index);
}

std::string Statement::column_text(int index) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, index));
    return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index)))
                : std::string();
}

std::optional<std::int64_t> Statement::column_optional_int(int index) const {
    if (column_is_null(index)) return std::nullopt;
    return column_int(index);
}

bool Statement::column_is_null(int index) const {
    return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    last_code_ = SQLITE_OK;
}

Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path& file, Mode mode) {
    // SQLite counts every allocation under one global mutex unless told not to; we never read
    // the counts. It takes effect only before SQLite's first use, and later calls are refused
    // harmlessly, hence once.
    static std::once_flag no_memory_counts;
    std::call_once(no_memory_counts, [] { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
    sqlite3* db = nullptr;
    const int flags = (mode == Mode::read_write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                                : SQLITE_OPEN_READONLY) |
                      SQLITE_OPEN_NOMUTEX;
    const int code = sqlite3_open_v2(file.c_str(), &db, flags, nullptr);
    if (code != SQLITE_OK) {
        auto error = sqlite_error(db, code, "cannot open " + file.string());
        sqlite3_close(db);
        return error;
    }
    std::unique_ptr<Database> database(new Database(db));
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    // WAL lets readers run beside the one writer. synchronous=FULL makes each commit
    // durable before its request is answered; group commit pays the fsync once per group.
    // temp_store=MEMORY keeps the journal of each job's savepoint (the writer rolls one job
    // back without its group) in memory: in a file it cost two writes for every page a
    // signature touched, 25 system calls a signature, more than all the rest.
    const char* pragmas = mode == Mode::read_write
                              ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                                "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"
                              : "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;";
    if (auto ok = database->exec(pragmas); !ok) return ok.error();
    return database;
}

Database::~Database() {
    statements_.clear();
    sqlite3_close(db_);
}

Statement& Database::prepare(std::string_view sql) {
    auto it = statements_.find(sql);
    if (it != statements_.end()) {
        it->second->reset();
        return *it->second;
    }
    sqlite3_stmt* stmt = nullptr;
    const int code = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                        SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    // Our SQL is fixed text: failing to prepare it is a bug, not bad input.
    if (code != SQLITE_OK)
        throw std::logic_error("cannot prepare SQL: " + std::string(sqlite3_errmsg(db_)) +
                               " in: " + std::string(sql));
    auto [inserted, _] = statements_.emplace(std::string(sql), std::make_unique<Statement>(stmt));
    return *inserted->second;
}

Result<void> Database::exec(std::string_view sql) {
    char* message = nullptr;
    const int code = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
    if (code == SQLITE_OK) return {};
    std::string detail = message ? message : sqlite3_errstr(code);
    sqlite3_free(message);
    return sqlite_error(db_, sqlite3_extended_errcode(db_), detail);
}

std::int64_t Database::data_version() {
    auto& statement = prepare("PRAGMA data_version");
    const auto version = statement.step() ? statement.column_int(0) : -1;
    statement.reset();
    return version;
}

std::int64_t Database::user_version() {
    auto& statement = prepare("PRAGMA user_version");
    const auto version = statement.step() ? statement.column_int(0) : 0;
    statement.reset();
    return version;
}

std::int64_t Database::changes() const {
    return sqlite3_changes64(db_);
}

std::int64_t Database::last_insert_id() const {
    return sqlite3_last_insert_rowid(db_);
}

}  // namespace rempart::store
