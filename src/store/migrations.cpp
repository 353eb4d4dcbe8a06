// Brings a store's schema up to date with numbered migrations; refuses a newer store.
#include "store/migrations.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>

#include "core/embedded.hpp"
#include "core/log_events.hpp"
#include "store/errors.hpp"

namespace rempart::store {

std::vector<Migration> embedded_migrations() {
    constexpr std::string_view prefix = "migrations/";
    std::vector<Migration> migrations;
    for (const auto& file : embedded::files()) {
        if (!file.path.starts_with(prefix) || !file.path.ends_with(".sql")) continue;
        const auto name = file.path.substr(prefix.size());
        int number = 0;
        const auto [end, err] = std::from_chars(name.data(), name.data() + name.size(), number);
        if (err != std::errc() || end == name.data()) continue;
        migrations.push_back(Migration{number, name, file.bytes});
    }
    std::sort(migrations.begin(), migrations.end(),
              [](const Migration& a, const Migration& b) { return a.number < b.number; });
    return migrations;
}

namespace {

// A migration that left a row pointing nowhere is refused rather than committed.
Result<void> foreign_keys_hold(Database& db) {
    auto& check = db.prepare("PRAGMA foreign_key_check");
    const bool broken = check.step();
    std::string detail;
    if (broken)
        detail = "a row of " + check.column_text(0) + " refers to a missing row of " +
                 check.column_text(2);
    check.reset();
    if (broken) return make_error(StoreError::migration_failed, detail);
    return {};
}

}  // namespace

Result<int> migrate(Database& db, std::span<const Migration> migrations) {
    const auto current = static_cast<int>(db.user_version());
    const int newest = migrations.empty() ? 0 : migrations.back().number;
    if (current > newest)
        return make_error(StoreError::newer,
                          "this data folder was written by a newer Rempart (schema " +
                              std::to_string(current) + "; this build knows up to " +
                              std::to_string(newest) +
                              "): upgrade Rempart, or restore a backup made by this version");
    int reached = current;
    // SQLite changes a table's constraints only by rebuilding it, which foreign keys would
    // refuse halfway: they are off while migrations run (the switch is ignored inside a
    // transaction), and every reference is checked before each commit instead.
    if (auto off = db.exec("PRAGMA foreign_keys=OFF"); !off) return off.error();
    for (const auto& migration : migrations) {
        if (migration.number <= current) continue;
        // user_version moves in the same transaction as the schema, so a crash leaves
        // either the old schema or the new one, never half.
        const std::string script = "BEGIN IMMEDIATE;\n" + std::string(migration.sql) +
                                   "\nPRAGMA user_version = " + std::to_string(migration.number) +
                                   ";";
        auto applied = db.exec(script);
        if (applied) applied = foreign_keys_hold(db);
        if (applied) applied = db.exec("COMMIT");
        if (!applied) {
            (void)db.exec("ROLLBACK");
            (void)db.exec("PRAGMA foreign_keys=ON");
            return make_error(
                StoreError::migration_failed,
                "migration " + std::string(migration.name) + " failed: " + applied.error().detail);
        }
        reached = migration.number;
    }
    if (auto on = db.exec("PRAGMA foreign_keys=ON"); !on) return on.error();
    if (reached != current)
        spdlog::info("{} from={} to={}", log_event::store_migrated, current, reached);
    return reached;
}

Result<int> migrate(Database& db) {
    const auto migrations = embedded_migrations();
    return migrate(db, migrations);
}

}  // namespace rempart::store
