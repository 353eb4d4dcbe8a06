// Time-based one-time passwords (RFC 6238: HMAC-SHA-1, 30 s steps, 6 digits), as
// authenticator apps compute them, with base32 secrets and otpauth:// URIs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rempart::accounts {

inline constexpr std::int64_t totp_step_seconds = 30;
inline constexpr int totp_digits = 6;

// RFC 4648 base32, upper case, without padding.
std::string base32_encode(std::string_view bytes);
// Accepts either case, spaces and '=' padding, as people copy secrets; none when not base32.
std::optional<std::string> base32_decode(std::string_view text);

// 20 random bytes (the HMAC-SHA-1 block the RFC recommends), base32.
std::string new_totp_secret();

// RFC 4226 HOTP of `counter` under the raw key, `digits` long (6 to 8).
std::uint32_t hotp(std::string_view key, std::uint64_t counter, int digits = totp_digits);
// The step a Unix time falls in.
std::int64_t totp_step(std::int64_t unix_time);
// The code for `unix_time`, zero-padded; empty when the secret is not base32.
std::string totp_code(std::string_view secret_base32, std::int64_t unix_time);

// The step the code belongs to when it matches the current step or one either side (clock
// drift) and that step is later than `last_used_step`, so that a code seen once (over a
// shoulder, in a proxy's log) cannot be replayed. None otherwise.
std::optional<std::int64_t> verify_totp(std::string_view secret_base32, std::string_view code,
                                        std::int64_t unix_time,
                                        std::optional<std::int64_t> last_used_step);

// otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=ISSUER&algorithm=SHA1&digits=6&period=30,
// for apps to read from a QR code or a paste.
std::string otpauth_uri(std::string_view issuer, std::string_view account,
                        std::string_view secret_base32);

}  // namespace rempart::accounts
