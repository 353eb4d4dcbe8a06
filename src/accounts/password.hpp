// Back-office passwords: the rules they must meet, argon2id hashes, one-time passwords.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace rempart::accounts {

inline constexpr std::size_t password_min_chars = 12;    // code points
inline constexpr std::size_t password_max_bytes = 1024;  // a bound on the hashing input
inline constexpr std::size_t one_time_password_chars = 24;

// Errors: AccountError::password_too_short, AccountError::password_too_long,
// AccountError::password_invalid_utf8.
Result<void> check_password_rules(std::string_view password);

// Argon2id costs. `interactive` is libsodium's OPSLIMIT/MEMLIMIT_INTERACTIVE: t=2, 64 MiB,
// about 170 ms here. Tests may pass a cheaper cost where the cost is not the point.
struct PasswordCost {
    unsigned long long ops;
    std::size_t memory;
};
PasswordCost interactive_cost();

// The PHC string ("$argon2id$v=19$m=65536,t=2,p=1$...") with its own random salt.
// Error: AccountError::password_hash_failed (out of memory).
Result<std::string> hash_password(std::string_view password,
                                  PasswordCost cost = interactive_cost());
// Constant-time in the password; false for a malformed hash too.
bool verify_password(std::string_view hash, std::string_view password);
// True when `hash` was made with other costs than `cost` (or another algorithm).
bool password_needs_rehash(std::string_view hash, PasswordCost cost = interactive_cost());

// A hash of a random password nobody knows, made once for each cost: unknown accounts are
// checked against it so that they take as long to refuse as a wrong password.
const std::string& dummy_password_hash(PasswordCost cost = interactive_cost());

// `one_time_password_chars` characters from an alphabet without look-alikes (no 0/O, 1/l/I),
// from libsodium's generator: about 5.8 bits each, some 139 bits in all.
std::string new_one_time_password();

}  // namespace rempart::accounts
