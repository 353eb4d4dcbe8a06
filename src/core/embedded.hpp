// The files compiled into the binary: migrations, templates, locales, static and npm assets.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace rempart::embedded {

struct File {
    std::string_view path;  // relative to the project, e.g. "templates/web/home.mustache"
    std::string_view bytes;
};

std::span<const File> files();
// Large data lists (the IP-to-AS table), linked into the server binary only.
std::span<const File> data_files();

// Hands the memory pages that `bytes` fills (embedded data read once at start) back to
// the kernel; they are read from the binary again should anything touch them. The IP-to-AS
// table's text is 30 MB the server never reads again once the table is built.
void release(std::string_view bytes);

inline std::optional<std::string_view> find(std::string_view path) {
    for (const auto& file : files())
        if (file.path == path) return file.bytes;
    return std::nullopt;
}

inline std::optional<std::string_view> find_data(std::string_view path) {
    for (const auto& file : data_files())
        if (file.path == path) return file.bytes;
    return std::nullopt;
}

}  // namespace rempart::embedded
