// Reads a backup file part by part (the layout is in archive_writer.cpp): every part's tag
// checked, the last one required, the manifest parsed, the store written or only hashed.
#include <zstd.h>

#include <boost/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "backup/archive.hpp"
#include "backup/detail/archive_io.hpp"

namespace rempart::backup {
namespace {

using namespace detail;

constexpr std::size_t max_manifest = 64 * 1024;

// Where the plain bytes go once opened: the manifest line, then the store.
using Sink = std::function<Result<void>(const unsigned char*, std::size_t)>;

// Reads `in` to its last part, each part checked, and hands its plain bytes to `sink`.
Result<void> open_parts(const fs::path& in, const Key& key, const Sink& sink) {
    File file(::open(in.c_str(), O_RDONLY | O_CLOEXEC));
    if (!file.is_open()) return io_error(in, "read");
    const auto name = in.string();
    std::string line;
    for (char c = 0; line.size() < 32;) {
        const auto got = read_full(file.fd(), &c, 1);
        if (got < 0) return io_error(in, "read");
        if (got == 0 || c == '\n') break;
        line += c;
    }
    if (!line.starts_with(magic) || line.size() == magic.size() ||
        line.find_first_not_of("0123456789", magic.size()) != std::string::npos)
        return make_error(BackupError::not_a_backup, name + " is not a Rempart backup");
    if (std::stoi(line.substr(magic.size(), 6)) > archive_format)
        return make_error(BackupError::newer,
                          name + " was made by a newer Rempart (backup format " +
                              line.substr(magic.size()) + "; this one reads format " +
                              std::to_string(archive_format) +
                              "): restore it with that version or a later one");
    const auto header = header_line();
    std::error_code ec;
    const auto cut_short = make_error(
        BackupError::truncated, name + " is cut short (" + std::to_string(fs::file_size(in, ec)) +
                                    " bytes): it ends before its last part; copy it again");
    unsigned char stream_header[stream_header_bytes];
    std::array<unsigned char, key_check_bytes> check{};
    if (read_full(file.fd(), stream_header, sizeof stream_header) !=
            static_cast<long>(sizeof stream_header) ||
        read_full(file.fd(), check.data(), check.size()) != static_cast<long>(check.size()))
        return cut_short;
    if (sodium_memcmp(check.data(), key_check(stream_header, key).data(), check.size()) != 0)
        return make_error(BackupError::wrong_key,
                          "the backup key does not open " + name +
                              ": it was sealed with another key (or its first bytes are "
                              "damaged)");
    crypto_secretstream_xchacha20poly1305_state state;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&state, stream_header, key.data()) != 0)
        return make_error(BackupError::damaged, name + " is damaged: its header is not valid");

    std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> context(ZSTD_createDCtx(),
                                                                  ZSTD_freeDCtx);
    std::vector<unsigned char> sealed;
    std::vector<unsigned char> part(part_bytes);
    std::vector<unsigned char> plain(ZSTD_DStreamOutSize());
    std::uint64_t offset = header.size() + sizeof stream_header + check.size();
    std::size_t frame_left = 1;
    for (bool first = true;; first = false) {
        unsigned char size[4];
        const auto got = read_full(file.fd(), size, sizeof size);
        if (got < 0) return io_error(in, "read");
        if (got < static_cast<long>(sizeof size)) return cut_short;
        const std::size_t length = (std::size_t{size[0]} << 24) | (std::size_t{size[1]} << 16) |
                                   (std::size_t{size[2]} << 8) | size[3];
        if (length < tag_bytes || length > part_bytes + tag_bytes)
            return make_error(BackupError::damaged,
                              name + " is damaged at byte " + std::to_string(offset) +
                                  ": it was altered or corrupted after it was made");
        sealed.resize(length);
        const auto body = read_full(file.fd(), sealed.data(), length);
        if (body < 0) return io_error(in, "read");
        if (body < static_cast<long>(length)) return cut_short;
        unsigned long long opened = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(
                &state, part.data(), &opened, &tag, sealed.data(), length,
                first ? reinterpret_cast<const unsigned char*>(header.data()) : nullptr,
                first ? header.size() : 0) != 0)
            return make_error(BackupError::damaged,
                              name + " is damaged at byte " + std::to_string(offset) +
                                  ": it was altered or corrupted after it was made");
        offset += 4 + length;
        ZSTD_inBuffer compressed{part.data(), static_cast<std::size_t>(opened), 0};
        while (compressed.pos < compressed.size) {
            ZSTD_outBuffer out{plain.data(), plain.size(), 0};
            frame_left = ZSTD_decompressStream(context.get(), &out, &compressed);
            if (ZSTD_isError(frame_left))
                return make_error(BackupError::damaged,
                                  name + " is damaged: its content does not decompress (" +
                                      ZSTD_getErrorName(frame_left) + ")");
            if (out.pos > 0)
                if (auto taken = sink(plain.data(), out.pos); !taken) return taken.error();
        }
        if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) break;
    }
    unsigned char extra = 0;
    if (read_full(file.fd(), &extra, 1) != 0 || frame_left != 0)
        return make_error(BackupError::damaged,
                          name + " is damaged: it does not end where its last part says");
    return {};
}

std::optional<Manifest> parse_manifest(std::string_view line) {
    boost::system::error_code ec;
    const auto value = boost::json::parse(line, ec);
    if (ec || !value.is_object()) return std::nullopt;
    const auto& object = value.as_object();
    const auto* schema = object.if_contains("schema");
    const auto* taken_at = object.if_contains("taken_at");
    const auto* bytes = object.if_contains("bytes");
    const auto* secret = object.if_contains("secret");
    if (!schema || !schema->is_int64() || !taken_at || !taken_at->is_int64() || !bytes ||
        !(bytes->is_int64() || bytes->is_uint64()) || !secret || !secret->is_string())
        return std::nullopt;
    return Manifest{static_cast<int>(schema->as_int64()), taken_at->as_int64(),
                    bytes->to_number<std::uint64_t>(), std::string(secret->as_string())};
}

}  // namespace

namespace detail {

// Opens `in`, the store's bytes written to `store_fd` when there is one, hashed either way.
Result<Opened> open_archive(const fs::path& in, const Key& key, int store_fd,
                            const fs::path& store_out) {
    std::string line;
    std::optional<Manifest> manifest;
    std::uint64_t bytes = 0;
    crypto_generichash_state hash;
    crypto_generichash_init(&hash, nullptr, 0, 32);
    const auto damaged = [&] {
        return make_error(BackupError::damaged,
                          in.string() + " is damaged: its description is not readable");
    };
    const Sink sink = [&](const unsigned char* data, std::size_t size) -> Result<void> {
        if (!manifest) {
            const auto* end = static_cast<const unsigned char*>(std::memchr(data, '\n', size));
            const auto taken = end ? static_cast<std::size_t>(end - data) + 1 : size;
            line.append(reinterpret_cast<const char*>(data), end ? taken - 1 : taken);
            if (line.size() > max_manifest) return damaged();
            if (!end) return {};
            manifest = parse_manifest(line);
            if (!manifest) return damaged();
            data += taken;
            size -= taken;
        }
        bytes += size;
        crypto_generichash_update(&hash, data, size);
        if (store_fd >= 0 && size > 0 && !write_all(store_fd, data, size))
            return io_error(store_out, "write");
        return {};
    };
    if (auto opened = open_parts(in, key, sink); !opened) return opened.error();
    if (!manifest || bytes != manifest->bytes)
        return make_error(BackupError::damaged,
                          in.string() + " is damaged: it holds " + std::to_string(bytes) +
                              " bytes of store where it should hold " +
                              std::to_string(manifest ? manifest->bytes : 0));
    Opened result{*manifest, {}};
    crypto_generichash_final(&hash, result.digest.data(), result.digest.size());
    return result;
}

}  // namespace detail

Result<Manifest> read_archive(const fs::path& in, const Key& seal, const fs::path& store_out) {
    File target(::open(store_out.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (!target.is_open()) return io_error(store_out, "write");
    std::error_code ec;
    auto opened = open_archive(in, seal, target.fd(), store_out);
    if (opened && (::fsync(target.fd()) != 0 || !target.close()))
        opened = io_error(store_out, "write");
    if (!opened) {
        fs::remove(store_out, ec);
        return opened.error();
    }
    return opened->manifest;
}

Result<Manifest> check_archive(const fs::path& in, const Key& seal) {
    auto opened = open_archive(in, seal, -1, {});
    if (!opened) return opened.error();
    return opened->manifest;
}

}  // namespace rempart::backup
