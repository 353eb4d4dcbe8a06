// What the backup file's writer and reader share: its layout's constants, the key check,
// and whole reads and writes on a file descriptor that say why they failed.
#pragma once

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>

#include "backup/archive.hpp"
#include "backup/errors.hpp"

namespace rempart::backup::detail {

namespace fs = std::filesystem;

constexpr std::string_view magic = "REMPART-BACKUP ";
constexpr std::size_t part_bytes = 256 * 1024;  // compressed bytes sealed per part
constexpr std::size_t tag_bytes = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr std::size_t stream_header_bytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t key_check_bytes = 16;
using Digest = std::array<unsigned char, 32>;

// Which key sealed the file, without saying anything of the key.
inline std::array<unsigned char, key_check_bytes> key_check(const unsigned char* stream_header,
                                                     const Key& key) {
    std::array<unsigned char, key_check_bytes> check{};
    crypto_generichash(check.data(), check.size(), stream_header, stream_header_bytes,
                       key.data(), key.size());
    return check;
}

inline std::string header_line() {
    return std::string(magic) + std::to_string(archive_format) + "\n";
}

inline Error io_error(const fs::path& file, std::string_view doing) {
    return make_error(BackupError::io, "cannot " + std::string(doing) + " " + file.string() +
                                           ": " + std::strerror(errno));
}

// A file descriptor closed when it goes.
class File {
  public:
    explicit File(int fd) : fd_(fd) {}
    File(const File&) = delete;
    File& operator=(const File&) = delete;
    ~File() {
        if (fd_ >= 0) ::close(fd_);
    }
    int fd() const { return fd_; }
    bool is_open() const { return fd_ >= 0; }
    // The close's own error matters for a file written: NFS and full disks report there.
    bool close() {
        const int fd = fd_;
        fd_ = -1;
        return ::close(fd) == 0;
    }

  private:
    int fd_;
};

inline bool write_all(int fd, const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    while (size > 0) {
        const auto written = ::write(fd, bytes, size);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return false;
        bytes += written;
        size -= static_cast<std::size_t>(written);
    }
    return true;
}

// Up to `size` bytes: fewer only at the end of the file; -1 on an error.
inline long read_full(int fd, void* data, std::size_t size) {
    auto* bytes = static_cast<unsigned char*>(data);
    std::size_t got = 0;
    while (got < size) {
        const auto read = ::read(fd, bytes + got, size - got);
        if (read < 0 && errno == EINTR) continue;
        if (read < 0) return -1;
        if (read == 0) break;
        got += static_cast<std::size_t>(read);
    }
    return static_cast<long>(got);
}

// What opening a backup gives: its manifest, and a BLAKE2b digest of the store it holds.
struct Opened {
    Manifest manifest;
    Digest digest{};
};

// Opens `in` whole, each part checked; the store's bytes go to `store_fd` unless it is -1.
Result<Opened> open_archive(const fs::path& in, const Key& key, int store_fd,
                            const fs::path& store_out);

}  // namespace rempart::backup::detail
