// The under-attack gate's clearance cookie and wait ticket, signed with HMAC-SHA-256.
#include "shield/clearance.hpp"

#include <sodium.h>

#include <charconv>
#include <optional>
#include <stdexcept>

#include "core/random.hpp"
#include "core/text.hpp"

namespace rempart::shield {
namespace {

// "v1.<expires>.<id>.<mac>" for cookies, "<issued_ms>.<nonce>.<mac>" for tickets: the mac
// covers every field before it and the network, which is not written out.
constexpr std::string_view cookie_version = "v1";
constexpr std::size_t max_value_size = 200;

std::optional<std::int64_t> parse_count(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty() || value < 0)
        return std::nullopt;
    return value;
}

// Splits at the last dot: (before, after); nothing when there is none.
std::optional<std::pair<std::string_view, std::string_view>> split_last(std::string_view text) {
    const auto dot = text.rfind('.');
    if (dot == std::string_view::npos) return std::nullopt;
    return std::pair{text.substr(0, dot), text.substr(dot + 1)};
}

}  // namespace

std::string_view to_string(ClearanceVerdict verdict) {
    switch (verdict) {
        case ClearanceVerdict::valid:
            return "valid";
        case ClearanceVerdict::absent:
            return "absent";
        case ClearanceVerdict::malformed:
            return "malformed";
        case ClearanceVerdict::mismatch:
            return "mismatch";
        case ClearanceVerdict::expired:
            return "expired";
    }
    return "malformed";
}

Clearance::Clearance(std::string secret, std::chrono::seconds lifetime, std::chrono::seconds wait)
    : secret_(std::move(secret)), lifetime_(lifetime), wait_(wait) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string Clearance::mac(std::string_view purpose, std::string_view fields,
                           std::string_view network) const {
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret_.data()),
                                secret_.size());
    const unsigned char separator = 0;
    for (const auto part : {purpose, fields, network}) {
        crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(part.data()),
                                      part.size());
        crypto_auth_hmacsha256_update(&state, &separator, 1);
    }
    unsigned char digest[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_final(&state, digest);
    return to_hex(digest, 16);  // 128 bits: forging one takes 2^128 tries
}

std::string Clearance::issue(std::string_view network, std::int64_t now) const {
    auto fields = std::string(cookie_version) + "." + std::to_string(now + lifetime_.count()) +
                  "." + random_token(12);
    const auto signature = mac("gate-clearance", fields, network);
    return fields + "." + signature;
}

ClearanceCheck Clearance::check(std::string_view cookie, std::string_view network,
                                std::int64_t now) const {
    if (cookie.empty()) return {ClearanceVerdict::absent, {}};
    if (cookie.size() > max_value_size || !cookie.starts_with("v1."))
        return {ClearanceVerdict::malformed, {}};
    const auto signed_part = split_last(cookie);
    if (!signed_part) return {ClearanceVerdict::malformed, {}};
    const auto [fields, signature] = *signed_part;
    if (fields.size() <= cookie_version.size() + 1) return {ClearanceVerdict::malformed, {}};
    const auto rest = fields.substr(cookie_version.size() + 1);
    const auto dot = rest.find('.');
    if (dot == std::string_view::npos) return {ClearanceVerdict::malformed, {}};
    const auto expires = parse_count(rest.substr(0, dot));
    const auto id = rest.substr(dot + 1);
    if (!expires || id.empty()) return {ClearanceVerdict::malformed, {}};
    const auto expected = mac("gate-clearance", fields, network);
    if (signature.size() != expected.size() ||
        sodium_memcmp(signature.data(), expected.data(), expected.size()) != 0)
        return {ClearanceVerdict::mismatch, {}};
    if (*expires <= now) return {ClearanceVerdict::expired, {}};
    return {ClearanceVerdict::valid, id};
}

std::string Clearance::ticket(std::string_view network, std::int64_t now_ms) const {
    auto fields = std::to_string(now_ms) + "." + random_token(9);
    const auto signature = mac("gate-ticket", fields, network);
    return fields + "." + signature;
}

TicketCheck Clearance::redeem(std::string_view ticket, std::string_view network,
                              std::int64_t now_ms) const {
    if (ticket.size() > max_value_size) return {};
    const auto signed_part = split_last(ticket);
    if (!signed_part) return {};
    const auto [fields, signature] = *signed_part;
    const auto dot = fields.find('.');
    const auto issued = parse_count(fields.substr(0, dot));
    if (!issued || dot == std::string_view::npos) return {};
    const auto expected = mac("gate-ticket", fields, network);
    if (signature.size() != expected.size() ||
        sodium_memcmp(signature.data(), expected.data(), expected.size()) != 0)
        return {};
    if (now_ms > *issued + ticket_lifetime_ms) return {TicketVerdict::expired, 0};
    const auto open_ms = *issued + std::chrono::milliseconds(wait_).count();
    if (now_ms < open_ms) return {TicketVerdict::too_early, (open_ms - now_ms + 999) / 1000};
    return {TicketVerdict::redeemed, 0, *issued, fields.substr(dot + 1)};
}

}  // namespace rempart::shield
