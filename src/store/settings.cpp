// Reads [storage].
#include "store/settings.hpp"

#include "core/config.hpp"

namespace rempart::store {

StorageSettings read_storage_settings(config::File& file) {
    StorageSettings settings;
    auto storage = file.section("storage");
    storage.path("data_dir", settings.data_dir);
    storage.duration("group_commit_ms", 0, 1000, settings.group_commit_window);
    storage.integer("write_queue", 16, 10'000'000, settings.write_queue);
    return settings;
}

}  // namespace rempart::store
