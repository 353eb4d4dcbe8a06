// `rempart backup` and `rempart restore`: what they did, in words an operator acts on.
#include <ctime>
#include <iostream>

#include "app/backups.hpp"
#include "cli/commands.hpp"
#include "cli/failure.hpp"

namespace rempart::cli {

int take_backup(const Config& config, const std::filesystem::path& out, std::ostream& report) {
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    const auto taken = app::take_backup(config, out, now);
    if (!taken) return fail(taken.error().detail);
    report << "Backup written and checked: " << taken->file.string() << " ("
           << taken->facts.size << " bytes; the store: " << taken->facts.store_bytes
           << " bytes, schema " << taken->schema << ")\n"
           << "It opens only with " << config.backup.key_file.string()
           << ": keep a copy of that key apart from the backups.\n";
    return 0;
}

int restore_backup(const Config& config, const std::filesystem::path& from, bool replace,
                   std::ostream& report) {
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    const auto restored = app::restore_backup(config, from, replace, now);
    if (!restored) return fail(restored.error().detail);
    report << "Restored " << from.string() << " into "
           << (config.storage.data_dir / "rempart.db").string() << " (taken at Unix time "
           << restored->manifest.taken_at << ", schema " << restored->manifest.schema << ")\n"
           << "Erasures since the backup applied again: " << restored->replayed.entries
           << " (signatures changed: " << restored->replayed.signatures << ")\n"
           << "Retention applied: " << restored->retention.erased
           << " unconfirmed signatures erased, " << restored->retention.anonymised
           << " signatures anonymised, " << restored->retention.addresses
           << " addresses reduced to their network\n";
    if (!restored->set_aside.empty())
        report << "The store that was there is kept as " << restored->set_aside.string()
               << ": delete it once the restored site is checked.\n";
    return 0;
}

}  // namespace rempart::cli
