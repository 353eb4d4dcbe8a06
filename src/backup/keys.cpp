// The backup key file, and the keys drawn from it with libsodium's key derivation.
#include "backup/keys.hpp"

#include <sodium.h>

#include "core/errors.hpp"
#include "core/secret.hpp"

namespace rempart::backup {
namespace {

// crypto_kdf's context: eight bytes naming what the keys are for.
constexpr char key_context[crypto_kdf_CONTEXTBYTES + 1] = "rmpbakup";

Key derive(const unsigned char* master, std::uint64_t id) {
    Key key{};
    crypto_kdf_derive_from_key(key.data(), key.size(), id, key_context, master);
    return key;
}

}  // namespace

Result<BackupKeys> open_backup_keys(const std::filesystem::path& key_file, KeyUse use) {
    if (sodium_init() < 0) return make_error(SecretError::failed, "libsodium could not start");
    auto hex = use == KeyUse::make_if_absent ? load_or_create_key_file(key_file)
                                             : read_key_file(key_file);
    if (!hex) return hex.error();
    unsigned char master[crypto_kdf_KEYBYTES];
    std::size_t length = 0;
    if (sodium_hex2bin(master, sizeof master, hex->data(), hex->size(), nullptr, &length,
                       nullptr) != 0 ||
        length != sizeof master)
        return make_error(SecretError::invalid, key_file.string() + " is not a key Rempart made");
    BackupKeys keys{derive(master, 1), derive(master, 2)};
    sodium_memzero(master, sizeof master);
    return keys;
}

}  // namespace rempart::backup
