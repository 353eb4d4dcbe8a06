// Writes a backup file: "REMPART-BACKUP <format>\n", secretstream's header, a keyed hash of
// that header (it tells a wrong key from a damaged file), then parts (a 4-byte big-endian
// length and the sealed bytes) of one zstd frame: the manifest as a JSON line, then the store.
#include <zstd.h>

#include <boost/json.hpp>

#include <optional>
#include <vector>

#include "backup/archive.hpp"
#include "backup/detail/archive_io.hpp"

namespace rempart::backup {
namespace {

using namespace detail;

// Compresses what it is given and seals it into the file, part by part.
class Sealer {
  public:
    Sealer(int fd, const Key& key) : fd_(fd), context_(ZSTD_createCCtx()), part_(part_bytes) {
        ZSTD_CCtx_setParameter(context_, ZSTD_c_compressionLevel, 3);
        ZSTD_CCtx_setParameter(context_, ZSTD_c_checksumFlag, 1);
        header_ = header_line();
        unsigned char stream_header[stream_header_bytes];
        crypto_secretstream_xchacha20poly1305_init_push(&state_, stream_header, key.data());
        const auto check = key_check(stream_header, key);
        ok_ = write_all(fd_, header_.data(), header_.size()) &&
              write_all(fd_, stream_header, sizeof stream_header) &&
              write_all(fd_, check.data(), check.size());
    }
    Sealer(const Sealer&) = delete;
    Sealer& operator=(const Sealer&) = delete;
    ~Sealer() {
        ZSTD_freeCCtx(context_);
        sodium_memzero(&state_, sizeof state_);
    }

    bool add(const void* data, std::size_t size) {
        ZSTD_inBuffer in{data, size, 0};
        while (ok_ && in.pos < in.size) ok_ = compress(in, ZSTD_e_continue) != std::nullopt;
        return ok_;
    }

    bool finish() {
        ZSTD_inBuffer in{nullptr, 0, 0};
        for (;;) {
            const auto left = compress(in, ZSTD_e_end);
            if (!left) return ok_ = false;
            if (*left == 0) break;
        }
        return ok_ = ok_ && seal(true);
    }

  private:
    // One step of zstd into the part being filled, sealed when full; what zstd has left.
    std::optional<std::size_t> compress(ZSTD_inBuffer& in, ZSTD_EndDirective mode) {
        ZSTD_outBuffer out{part_.data() + filled_, part_.size() - filled_, 0};
        const auto left = ZSTD_compressStream2(context_, &out, &in, mode);
        if (ZSTD_isError(left)) return std::nullopt;
        filled_ += out.pos;
        if (filled_ == part_.size() && !seal(false)) return std::nullopt;
        return left;
    }

    // The first part carries the header line as additional data: changing the format number
    // breaks its tag.
    bool seal(bool last) {
        std::vector<unsigned char> sealed(filled_ + tag_bytes);
        unsigned long long length = 0;
        const auto* extra = first_ ? reinterpret_cast<const unsigned char*>(header_.data()) : nullptr;
        crypto_secretstream_xchacha20poly1305_push(
            &state_, sealed.data(), &length, part_.data(), filled_, extra,
            first_ ? header_.size() : 0,
            last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
        const unsigned char size[4] = {
            static_cast<unsigned char>(length >> 24), static_cast<unsigned char>(length >> 16),
            static_cast<unsigned char>(length >> 8), static_cast<unsigned char>(length)};
        first_ = false;
        filled_ = 0;
        return write_all(fd_, size, sizeof size) && write_all(fd_, sealed.data(), length);
    }

    int fd_;
    ZSTD_CCtx* context_;
    crypto_secretstream_xchacha20poly1305_state state_{};
    std::string header_;
    std::vector<unsigned char> part_;
    std::size_t filled_ = 0;
    bool first_ = true;
    bool ok_ = false;
};

boost::json::object manifest_json(const Manifest& manifest) {
    return {{"format", archive_format},
            {"schema", manifest.schema},
            {"taken_at", manifest.taken_at},
            {"bytes", manifest.bytes},
            {"secret", manifest.secret}};
}

}  // namespace

Result<ArchiveFacts> write_archive(const fs::path& store_file, Manifest manifest, const Key& seal,
                                   const fs::path& out) {
    std::error_code ec;
    if (fs::exists(out, ec))
        return make_error(BackupError::exists,
                          out.string() + " is there already: choose another name (a backup is "
                                         "never written over another file)");
    File source(::open(store_file.c_str(), O_RDONLY | O_CLOEXEC));
    if (!source.is_open()) return io_error(store_file, "read");
    manifest.bytes = fs::file_size(store_file, ec);
    if (ec) return io_error(store_file, "read");
    auto partial = out;
    partial += ".partial";
    File target(::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
    if (!target.is_open()) return io_error(partial, "write");
    const auto fail = [&](Error error) {
        fs::remove(partial, ec);
        return error;
    };

    crypto_generichash_state hash;
    crypto_generichash_init(&hash, nullptr, 0, 32);
    {
        Sealer sealer(target.fd(), seal);
        const auto line = boost::json::serialize(manifest_json(manifest)) + "\n";
        sealer.add(line.data(), line.size());
        std::vector<unsigned char> chunk(1 << 20);
        for (;;) {
            const auto got = read_full(source.fd(), chunk.data(), chunk.size());
            if (got < 0) return fail(io_error(store_file, "read"));
            if (got == 0) break;
            crypto_generichash_update(&hash, chunk.data(), static_cast<std::size_t>(got));
            if (!sealer.add(chunk.data(), static_cast<std::size_t>(got)))
                return fail(io_error(partial, "write"));
        }
        if (!sealer.finish()) return fail(io_error(partial, "write"));
    }
    if (::fsync(target.fd()) != 0 || !target.close()) return fail(io_error(partial, "write"));
    Digest written{};
    crypto_generichash_final(&hash, written.data(), written.size());

    const auto read_back = open_archive(partial, seal, -1, {});
    if (!read_back) return fail(read_back.error());
    if (read_back->digest != written || read_back->manifest.bytes != manifest.bytes)
        return fail(make_error(BackupError::damaged,
                               partial.string() + " does not read back as it was written: the "
                                                  "disk may be failing"));
    // link() then unlink(): unlike rename(), it never replaces a file made meanwhile.
    if (::link(partial.c_str(), out.c_str()) != 0) {
        const auto error = errno == EEXIST
                               ? make_error(BackupError::exists,
                                            out.string() + " appeared meanwhile: choose another name")
                               : io_error(out, "write");
        return fail(error);
    }
    fs::remove(partial, ec);
    return ArchiveFacts{fs::file_size(out, ec), manifest.bytes};
}

}  // namespace rempart::backup
