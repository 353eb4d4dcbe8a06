// [storage]: where the data lives, and how the writer gathers and queues writes.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>

namespace rempart::config {
class File;
}

namespace rempart::store {

struct StorageSettings {
    std::filesystem::path data_dir = "data";
    std::chrono::milliseconds group_commit_window{2};  // how long the writer gathers writes
    // Writes from the public waiting for the writer, past which signing answers 503 with
    // Retry-After instead of letting a flood grow the queue (and memory) without end.
    std::size_t write_queue = 20000;
};

StorageSettings read_storage_settings(config::File& file);

}  // namespace rempart::store
