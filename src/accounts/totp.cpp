// Time-based one-time passwords (RFC 6238) with OpenSSL's HMAC-SHA-1 and libsodium's randomness.
#include "accounts/totp.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <cctype>
#include <stdexcept>

#include "core/text.hpp"

namespace rempart::accounts {
namespace {

constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string padded(std::uint32_t value, int digits) {
    std::string text = std::to_string(value);
    if (text.size() < static_cast<std::size_t>(digits))
        text.insert(0, static_cast<std::size_t>(digits) - text.size(), '0');
    return text;
}

}  // namespace

std::string base32_encode(std::string_view bytes) {
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char c : bytes) {
        buffer = (buffer << 8) | static_cast<unsigned char>(c);
        bits += 8;
        while (bits >= 5) {
            out += alphabet[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) out += alphabet[(buffer << (5 - bits)) & 31];
    return out;
}

std::optional<std::string> base32_decode(std::string_view text) {
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char c : text) {
        if (c == ' ' || c == '=') continue;
        const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        int value = -1;
        if (upper >= 'A' && upper <= 'Z') value = upper - 'A';
        if (upper >= '2' && upper <= '7') value = upper - '2' + 26;
        if (value < 0) return std::nullopt;
        buffer = (buffer << 5) | static_cast<std::uint32_t>(value);
        bits += 5;
        if (bits >= 8) {
            out += static_cast<char>((buffer >> (bits - 8)) & 0xff);
            bits -= 8;
        }
    }
    if (out.empty()) return std::nullopt;
    return out;
}

std::string new_totp_secret() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    std::string raw(20, '\0');
    randombytes_buf(raw.data(), raw.size());
    auto secret = base32_encode(raw);
    sodium_memzero(raw.data(), raw.size());
    return secret;
}

std::uint32_t hotp(std::string_view key, std::uint64_t counter, int digits) {
    unsigned char message[8];
    for (int i = 7; i >= 0; --i) {
        message[i] = static_cast<unsigned char>(counter & 0xff);
        counter >>= 8;
    }
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_size = 0;
    if (HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), message, sizeof message, mac,
             &mac_size) == nullptr ||
        mac_size < 20)
        throw std::runtime_error("HMAC-SHA-1 failed");
    const int offset = mac[mac_size - 1] & 0x0f;
    const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7f) << 24) |
                                 (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                                 (static_cast<std::uint32_t>(mac[offset + 2]) << 8) |
                                 static_cast<std::uint32_t>(mac[offset + 3]);
    std::uint32_t modulus = 1;
    for (int i = 0; i < digits; ++i) modulus *= 10;
    return binary % modulus;
}

std::int64_t totp_step(std::int64_t unix_time) {
    return unix_time / totp_step_seconds;
}

std::string totp_code(std::string_view secret_base32, std::int64_t unix_time) {
    const auto key = base32_decode(secret_base32);
    if (!key) return {};
    return padded(hotp(*key, static_cast<std::uint64_t>(totp_step(unix_time))), totp_digits);
}

std::optional<std::int64_t> verify_totp(std::string_view secret_base32, std::string_view code,
                                        std::int64_t unix_time,
                                        std::optional<std::int64_t> last_used_step) {
    std::string digits;
    for (const char c : code) {
        if (c == ' ') continue;  // apps show "123 456"
        if (c < '0' || c > '9') return std::nullopt;
        digits += c;
    }
    if (digits.size() != static_cast<std::size_t>(totp_digits)) return std::nullopt;
    const auto key = base32_decode(secret_base32);
    if (!key) return std::nullopt;
    const auto now = totp_step(unix_time);
    std::optional<std::int64_t> matched;
    // Every candidate is computed and compared, so the time taken says nothing.
    for (std::int64_t step = now - 1; step <= now + 1; ++step) {
        const auto expected = padded(hotp(*key, static_cast<std::uint64_t>(step)), totp_digits);
        const bool same = sodium_memcmp(expected.data(), digits.data(), expected.size()) == 0;
        if (same && (!last_used_step || step > *last_used_step) && !matched) matched = step;
    }
    return matched;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account,
                        std::string_view secret_base32) {
    const auto encoded_issuer = percent_encode(issuer, "@");
    return "otpauth://totp/" + encoded_issuer + ":" + percent_encode(account, "@") +
           "?secret=" + std::string(secret_base32) + "&issuer=" + encoded_issuer +
           "&algorithm=SHA1&digits=" + std::to_string(totp_digits) +
           "&period=" + std::to_string(totp_step_seconds);
}

}  // namespace rempart::accounts
