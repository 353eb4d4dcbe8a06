// Reads [backup].
#include "backup/settings.hpp"

#include <algorithm>
#include <string>

#include "core/config.hpp"

namespace rempart::backup {

BackupSettings read_backup_settings(config::File& file, const std::filesystem::path& data_dir,
                                    const RetentionSettings& retention) {
    BackupSettings settings;
    auto folder = data_dir.lexically_normal();
    if (!folder.has_filename()) folder = folder.parent_path();  // "data/" is "data"
    const auto beside = folder.parent_path();
    settings.dir = beside / "backups";
    settings.key_file = beside / "backup.key";
    auto section = file.section("backup");
    section.path("dir", settings.dir);
    section.path("key_file", settings.key_file);
    section.integer("every_h", 0, 24 * 366, settings.every_h);
    const bool keep_set = section.integer("keep", 1, 1000, settings.keep);
    // An unconfirmed signature or an address in clear must not outlive its period in the
    // oldest backup kept: the shortest of those periods bounds the rotation. Left to its
    // default, `keep` shrinks to fit; written out, a rotation too long is refused.
    const auto shortest_h = std::min({retention.unconfirmed_days, retention.addresses_days,
                                      retention.mail_days}) * 24;
    if (settings.every_h > 0 && settings.every_h * settings.keep > shortest_h) {
        if (!keep_set)
            settings.keep = std::max<std::int64_t>(1, shortest_h / settings.every_h);
        if (keep_set || settings.every_h > shortest_h)
            section.refuse("keeps backups for " +
                           std::to_string(settings.every_h * settings.keep) +
                           " h (every_h times keep), longer than the " +
                           std::to_string(shortest_h / 24) +
                           " days [retention] keeps unconfirmed signatures, addresses in clear "
                           "or mails: take them less often or keep fewer");
    }
    return settings;
}

}  // namespace rempart::backup
