// ALTCHA challenges (protocol v1, SHA-256), made and checked here, each usable once.
#include "shield/proof_of_work.hpp"

#include <sodium.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <charconv>
#include <optional>

#include "core/text.hpp"

namespace rempart::shield {
namespace {

constexpr std::size_t max_payload_bytes = 2048;

std::string sha256_hex(std::string_view text) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    return to_hex(digest, sizeof digest);
}

bool equal_in_constant_time(std::string_view a, std::string_view b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// A value the salt carries: "<hex>?expires=<unix>&max=<n>&start=<hex>&...". None: nothing.
std::optional<std::string_view> salt_value(std::string_view salt, std::string_view name) {
    const auto question = salt.find('?');
    if (question == std::string_view::npos) return std::nullopt;
    auto params = salt.substr(question + 1);
    while (!params.empty()) {
        const auto amp = std::min(params.find('&'), params.size());
        const auto pair = params.substr(0, amp);
        params.remove_prefix(std::min(amp + 1, params.size()));
        if (pair.starts_with(name) && pair.size() > name.size() && pair[name.size()] == '=')
            return pair.substr(name.size() + 1);
    }
    return std::nullopt;
}

// A number the salt carries. None or malformed: 0.
std::int64_t salt_param(std::string_view salt, std::string_view name) {
    const auto digits = salt_value(salt, name);
    if (!digits) return 0;
    std::int64_t value = 0;
    const auto [end, err] = std::from_chars(digits->data(), digits->data() + digits->size(), value);
    return err == std::errc() && end == digits->data() + digits->size() ? value : 0;
}

}  // namespace

std::string_view to_string(PowVerdict verdict) {
    switch (verdict) {
        case PowVerdict::accepted:
            return "accepted";
        case PowVerdict::malformed:
            return "malformed";
        case PowVerdict::test_payload:
            return "test_payload";
        case PowVerdict::wrong_algorithm:
            return "wrong_algorithm";
        case PowVerdict::bad_signature:
            return "bad_signature";
        case PowVerdict::wrong_solution:
            return "wrong_solution";
        case PowVerdict::expired:
            return "expired";
        case PowVerdict::replayed:
            return "replayed";
    }
    return "malformed";
}

std::string to_json(const Challenge& challenge) {
    boost::json::object object;
    object["algorithm"] = challenge.algorithm;
    object["challenge"] = challenge.challenge;
    object["maxnumber"] = challenge.maxnumber;
    object["salt"] = challenge.salt;
    object["signature"] = challenge.signature;
    return boost::json::serialize(object);
}

ProofOfWork::ProofOfWork(std::string secret, std::string start)
    : secret_(std::move(secret)), start_(std::move(start)) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

ProofOfWork::ProofOfWork(std::string secret) : ProofOfWork(std::move(secret), "") {
    unsigned char mark[8];
    randombytes_buf(mark, sizeof mark);
    start_ = to_hex(mark, sizeof mark);
}

std::string ProofOfWork::sign(std::string_view challenge_hex) const {
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret_.data()),
                                secret_.size());
    crypto_auth_hmacsha256_update(
        &state, reinterpret_cast<const unsigned char*>(challenge_hex.data()), challenge_hex.size());
    crypto_auth_hmacsha256_final(&state, mac);
    return to_hex(mac, sizeof mac);
}

Challenge ProofOfWork::create(std::string_view salt_hex, std::uint64_t number,
                              std::uint64_t max_number, std::int64_t expires_at,
                              ChallengeUse use) const {
    Challenge challenge;
    // The trailing '&' keeps a solver from splicing parameters onto the salt.
    // The difficulty rides in the signed salt too, so a client cannot claim a harder
    // challenge than it solved when the defence has raised the bar.
    // The start's mark too: the solutions this process remembers die with it, so must the
    // challenges they solved.
    challenge.salt = std::string(salt_hex) + "?expires=" + std::to_string(expires_at) +
                     "&max=" + std::to_string(max_number) + "&start=" + start_ + "&" +
                     (use == ChallengeUse::gate ? "gate=1&" : "");
    challenge.maxnumber = max_number;
    challenge.challenge = sha256_hex(challenge.salt + std::to_string(number));
    challenge.signature = sign(challenge.challenge);
    return challenge;
}

Challenge ProofOfWork::create(std::uint64_t max_number, std::int64_t expires_at,
                              ChallengeUse use) const {
    unsigned char salt[12];
    randombytes_buf(salt, sizeof salt);
    std::uint64_t number = 0;
    randombytes_buf(&number, sizeof number);
    return create(to_hex(salt, sizeof salt), number % (max_number + 1), max_number, expires_at,
                  use);
}

PowVerdict ProofOfWork::verify(std::string_view payload_base64, std::int64_t now) {
    return verify(payload_base64, now, nullptr);
}

PowVerdict ProofOfWork::verify(std::string_view payload_base64, std::int64_t now,
                               PowClaims* claims) {
    if (payload_base64.empty() || payload_base64.size() > max_payload_bytes)
        return PowVerdict::malformed;
    std::string json(payload_base64.size(), '\0');
    std::size_t json_size = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(json.data()), json.size(),
                          payload_base64.data(), payload_base64.size(), " \r\n", &json_size,
                          nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
        return PowVerdict::malformed;
    json.resize(json_size);
    boost::system::error_code ec;
    const auto value = boost::json::parse(json, ec);
    if (ec || !value.is_object()) return PowVerdict::malformed;
    const auto& object = value.as_object();
    if (const auto* test = object.if_contains("test"); test && test->is_bool() && test->as_bool())
        return PowVerdict::test_payload;
    const auto* algorithm = object.if_contains("algorithm");
    const auto* challenge = object.if_contains("challenge");
    const auto* number = object.if_contains("number");
    const auto* salt = object.if_contains("salt");
    const auto* signature = object.if_contains("signature");
    if (!algorithm || !algorithm->is_string() || !challenge || !challenge->is_string() || !number ||
        !(number->is_int64() || number->is_uint64()) || !salt || !salt->is_string() || !signature ||
        !signature->is_string())
        return PowVerdict::malformed;
    if (algorithm->as_string() != "SHA-256") return PowVerdict::wrong_algorithm;
    const std::string_view challenge_hex = challenge->as_string();
    if (!equal_in_constant_time(sign(challenge_hex), std::string_view(signature->as_string())))
        return PowVerdict::bad_signature;
    const std::string_view salt_text = salt->as_string();
    const auto expires = salt_param(salt_text, "expires");
    if (claims) {
        claims->difficulty = static_cast<std::uint64_t>(salt_param(salt_text, "max"));
        claims->use =
            salt_param(salt_text, "gate") == 1 ? ChallengeUse::gate : ChallengeUse::signing;
    }
    // From before this start: what it solved may have been spent then, and nobody
    // remembers. The signer is told the check expired, like any stale form.
    if (expires == 0 || expires <= now || salt_value(salt_text, "start") != start_)
        return PowVerdict::expired;
    const auto n =
        number->is_int64() ? number->as_int64() : static_cast<std::int64_t>(number->as_uint64());
    if (n < 0 || !equal_in_constant_time(sha256_hex(std::string(salt_text) + std::to_string(n)),
                                         challenge_hex))
        return PowVerdict::wrong_solution;
    if (claims) {
        claims->number = n;
        if (const auto* took = object.if_contains("took")) {
            if (took->is_int64()) claims->took_ms = took->as_int64();
            if (took->is_uint64()) claims->took_ms = static_cast<std::int64_t>(took->as_uint64());
            // A double out of range would not convert: a day is more than any solving.
            if (took->is_double() && took->as_double() >= 0 && took->as_double() < 86'400'000)
                claims->took_ms = static_cast<std::int64_t>(took->as_double());
        }
    }
    std::lock_guard lock(mutex_);
    forget_expired(now);
    if (!used_.emplace(std::string(challenge_hex), expires).second) return PowVerdict::replayed;
    return PowVerdict::accepted;
}

void ProofOfWork::forget_expired(std::int64_t now) {
    if (now < next_sweep_) return;
    boost::unordered::erase_if(used_, [now](const auto& entry) { return entry.second <= now; });
    next_sweep_ = now + 10;
}

std::size_t ProofOfWork::remembered() const {
    std::lock_guard lock(mutex_);
    return used_.size();
}

}  // namespace rempart::shield
