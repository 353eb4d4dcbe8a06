// The server's own secret, made once at first start and kept in the data folder.
#include "core/secret.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "core/errors.hpp"
#include "core/text.hpp"

namespace rempart {
namespace {

constexpr std::size_t secret_bytes = 32;

bool is_hex_secret(std::string_view text) {
    if (text.size() != secret_bytes * 2) return false;
    for (const char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

}  // namespace

Result<std::string> load_or_create_secret(const std::filesystem::path& data_dir) {
    return load_or_create_key_file(data_dir / "secret.key");
}

Result<std::string> read_key_file(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in)
        return make_error(SecretError::missing,
                          "cannot read the key file " + file.string() +
                              ": it is missing or not readable by this user");
    std::ostringstream text;
    text << in.rdbuf();
    const auto secret = std::string(trim_view(text.str()));
    if (!in || !is_hex_secret(secret))
        return make_error(SecretError::invalid,
                          file.string() +
                              " is not a key Rempart made: restore it "
                              "from where you keep it, or remove it to make a new one");
    return secret;
}

Result<std::string> load_or_create_key_file(const std::filesystem::path& file) {
    std::error_code ec;
    if (std::filesystem::exists(file, ec)) return read_key_file(file);
    if (sodium_init() < 0) return make_error(SecretError::failed, "libsodium could not start");
    unsigned char raw[secret_bytes];
    randombytes_buf(raw, sizeof raw);
    std::string secret(secret_bytes * 2 + 1, '\0');
    sodium_bin2hex(secret.data(), secret.size(), raw, sizeof raw);
    secret.pop_back();
    if (auto written = write_key_file(file, secret); !written) return written.error();
    return secret;
}

Result<void> write_key_file(const std::filesystem::path& file, std::string_view hex) {
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    // Written beside, then renamed: a crash never leaves half a key behind.
    auto temporary = file;
    temporary += ".new";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) return make_error(SecretError::failed, "cannot write " + temporary.string());
    const std::string line = std::string(hex) + "\n";
    const bool written =
        ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
        ::fsync(fd) == 0;
    ::close(fd);
    if (!written) return make_error(SecretError::failed, "cannot write " + temporary.string());
    std::filesystem::rename(temporary, file, ec);
    if (ec)
        return make_error(SecretError::failed,
                          "cannot create " + file.string() + ": " + ec.message());
    return {};
}

}  // namespace rempart
