// VACUUM INTO from a read-only connection, and PRAGMA integrity_check.
#include "backup/snapshot.hpp"

#include "backup/errors.hpp"
#include "store/database.hpp"

namespace rempart::backup {

Result<int> snapshot_store(const std::filesystem::path& data_dir,
                           const std::filesystem::path& copy) {
    const auto file = data_dir / "rempart.db";
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        return make_error(BackupError::io, "there is no store to back up in " +
                                               data_dir.string() + " (no rempart.db)");
    auto db = store::Database::open(file, store::Database::Mode::read_only);
    if (!db) return db.error();
    auto& vacuum = (*db)->prepare("VACUUM INTO ?1");
    vacuum.bind(1, copy.string());
    if (auto copied = vacuum.run(); !copied) {
        std::filesystem::remove(copy, ec);
        return make_error(BackupError::io,
                          "cannot copy the store into " + copy.string() + ": " +
                              copied.error().detail);
    }
    vacuum.reset();
    db->reset();
    return check_store_file(copy, StoreCheck::quick);
}

Result<int> check_store_file(const std::filesystem::path& file, StoreCheck thoroughness) {
    auto db = store::Database::open(file, store::Database::Mode::read_only);
    if (!db) return db.error();
    auto& check = (*db)->prepare(thoroughness == StoreCheck::quick ? "PRAGMA quick_check"
                                                                   : "PRAGMA integrity_check");
    std::string verdict = check.step() ? check.column_text(0) : "no answer";
    check.reset();
    if (verdict != "ok")
        return make_error(BackupError::damaged,
                          file.string() + " fails SQLite's integrity check: " + verdict);
    return static_cast<int>((*db)->user_version());
}

}  // namespace rempart::backup
