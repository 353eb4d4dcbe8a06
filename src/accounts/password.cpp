// Back-office passwords with libsodium's argon2id, and the rules they must meet.
#include "accounts/password.hpp"

#include <sodium.h>

#include <map>
#include <mutex>
#include <stdexcept>
#include <utility>

#include "accounts/errors.hpp"
#include "core/text.hpp"

namespace rempart::accounts {
namespace {

void ensure_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

constexpr std::string_view readable = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

}  // namespace

Result<void> check_password_rules(std::string_view password) {
    if (password.size() > password_max_bytes)
        return make_error(
            AccountError::password_too_long,
            "the password is longer than " + std::to_string(password_max_bytes) + " bytes");
    if (!is_valid_utf8(password))
        return make_error(AccountError::password_invalid_utf8, "the password is not valid UTF-8");
    if (count_code_points(password) < password_min_chars)
        return make_error(AccountError::password_too_short, "the password must have at least " +
                                                                std::to_string(password_min_chars) +
                                                                " characters");
    return {};
}

PasswordCost interactive_cost() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

Result<std::string> hash_password(std::string_view password, PasswordCost cost) {
    ensure_sodium();
    std::string out(crypto_pwhash_STRBYTES, '\0');
    if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), cost.ops, cost.memory,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        return make_error(AccountError::password_hash_failed, "argon2id could not get its memory");
    out.resize(out.find('\0'));
    return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
    ensure_sodium();
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    // libsodium wants a NUL-terminated string of at most STRBYTES.
    char stored[crypto_pwhash_STRBYTES] = {};
    hash.copy(stored, hash.size());
    return crypto_pwhash_str_verify(stored, password.data(), password.size()) == 0;
}

bool password_needs_rehash(std::string_view hash, PasswordCost cost) {
    ensure_sodium();
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return true;
    char stored[crypto_pwhash_STRBYTES] = {};
    hash.copy(stored, hash.size());
    return crypto_pwhash_str_needs_rehash(stored, cost.ops, cost.memory) != 0;
}

const std::string& dummy_password_hash(PasswordCost cost) {
    // A site has one cost; the map is for the tests that try several in one process.
    static std::mutex lock;
    static std::map<std::pair<unsigned long long, std::size_t>, std::string> hashes;
    const std::lock_guard guard(lock);
    auto& hash = hashes[{cost.ops, cost.memory}];
    if (hash.empty()) {
        auto made = hash_password(new_one_time_password(), cost);
        if (!made) throw std::runtime_error(made.error().detail);
        hash = std::move(*made);
    }
    return hash;
}

std::string new_one_time_password() {
    ensure_sodium();
    std::string out;
    out.reserve(one_time_password_chars);
    for (std::size_t i = 0; i < one_time_password_chars; ++i)
        out += readable[randombytes_uniform(static_cast<std::uint32_t>(readable.size()))];
    return out;
}

}  // namespace rempart::accounts
