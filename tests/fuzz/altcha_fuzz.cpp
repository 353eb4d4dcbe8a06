// Fuzzes the check of the ALTCHA payload a browser sends, with a fixed server key.
//
// The first byte picks what the rest is:
//   'p' the payload as a browser sends it (base64 of JSON): forged, broken, replayed;
//   'j' the JSON inside, which this target signs with the server's key before sending, so
//       the checks past the signature (salt parameters, expiry, solution) are reached too;
//   anything else: the numbers of a real challenge, made, solved and checked twice.
#include <sodium.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cstring>
#include <string>

#include "core/text.hpp"
#include "fuzz_check.hpp"
#include "shield/proof_of_work.hpp"

using namespace rempart;
using shield::PowVerdict;

namespace {

constexpr std::string_view key = "a-fixed-key-for-fuzzing";
constexpr std::int64_t now = 1'700'000'000;

std::string base64(std::string_view text) {
    std::string out(sodium_base64_ENCODED_LEN(text.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()),
                      text.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.find('\0'));
    return out;
}

std::string hmac_hex(std::string_view text) {
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()),
                                key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(text.data()),
                                  text.size());
    crypto_auth_hmacsha256_final(&state, mac);
    return to_hex(mac, sizeof mac);
}

std::string sha256_hex(std::string_view text) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    return to_hex(digest, sizeof digest);
}

// An accepted payload is used up: the same one again is a replay.
void check_once(shield::ProofOfWork& pow, const std::string& payload, PowVerdict first) {
    if (first != PowVerdict::accepted) return;
    FUZZ_CHECK(pow.verify(payload, now) == PowVerdict::replayed);
}

void payload_as_sent(std::string_view payload) {
    shield::ProofOfWork pow{std::string(key)};
    shield::PowClaims claims;
    const auto verdict = pow.verify(payload, now, &claims);
    FUZZ_CHECK(shield::to_string(verdict) != "");
    check_once(pow, std::string(payload), verdict);
}

void signed_json(std::string_view json) {
    boost::system::error_code ec;
    auto value = boost::json::parse(json, ec);
    std::string text(json);
    bool signed_by_us = false;
    if (!ec && value.is_object()) {
        auto& object = value.as_object();
        if (const auto* challenge = object.if_contains("challenge");
            challenge && challenge->is_string()) {
            object["signature"] = hmac_hex(challenge->as_string());
            signed_by_us = true;
        }
        text = boost::json::serialize(value);
    }
    shield::ProofOfWork pow{std::string(key)};
    const auto payload = base64(text);
    shield::PowClaims claims;
    const auto verdict = pow.verify(payload, now, &claims);
    if (signed_by_us && payload.size() <= 2048) FUZZ_CHECK(verdict != PowVerdict::bad_signature);
    if (verdict == PowVerdict::accepted) {
        // Accepted means the number really gives the signed challenge.
        const auto& object = value.as_object();
        const auto& salt = object.at("salt").as_string();
        const auto& number = object.at("number");
        const auto n = number.is_int64() ? std::to_string(number.as_int64())
                                         : std::to_string(number.as_uint64());
        FUZZ_CHECK(sha256_hex(std::string(salt) + n) == object.at("challenge").as_string());
    }
    check_once(pow, payload, verdict);
}

template <class T>
T take(std::string_view& bytes) {
    T value{};
    const auto n = std::min(sizeof value, bytes.size());
    std::memcpy(&value, bytes.data(), n);
    bytes.remove_prefix(n);
    return value;
}

void real_challenge(std::string_view bytes) {
    const auto number_seed = take<std::uint64_t>(bytes);
    const auto max_number = take<std::uint32_t>(bytes) % 100'000'001;  // config's ceiling
    const auto lifetime = static_cast<std::int64_t>(take<std::int32_t>(bytes));
    const auto use =
        take<std::uint8_t>(bytes) % 2 ? shield::ChallengeUse::gate : shield::ChallengeUse::signing;
    const auto salt = to_hex(reinterpret_cast<const unsigned char*>(bytes.data()),
                             std::min<std::size_t>(bytes.size(), 32));
    const auto number = number_seed % (std::uint64_t{max_number} + 1);
    const auto expires = now + lifetime;

    shield::ProofOfWork pow{std::string(key)};
    const auto challenge = pow.create(salt, number, max_number, expires, use);
    const auto payload =
        base64(R"({"algorithm":"SHA-256","challenge":")" + challenge.challenge + R"(","number":)" +
               std::to_string(number) + R"(,"salt":")" + challenge.salt + R"(","signature":")" +
               challenge.signature + R"("})");
    shield::PowClaims claims;
    const auto verdict = pow.verify(payload, now, &claims);
    FUZZ_CHECK(verdict == (expires > now ? PowVerdict::accepted : PowVerdict::expired));
    FUZZ_CHECK(claims.difficulty == max_number);
    FUZZ_CHECK(claims.use == use);
    check_once(pow, payload, verdict);
    if (number < max_number) {
        shield::ProofOfWork fresh{std::string(key)};
        const auto wrong =
            base64(R"({"algorithm":"SHA-256","challenge":")" + challenge.challenge +
                   R"(","number":)" + std::to_string(number + 1) + R"(,"salt":")" + challenge.salt +
                   R"(","signature":")" + challenge.signature + R"("})");
        FUZZ_CHECK(fresh.verify(wrong, now) != PowVerdict::accepted);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto input = fuzz::as_text(data, size);
    if (input.empty()) return 0;
    const char mode = input.front();
    input.remove_prefix(1);
    if (mode == 'p')
        payload_as_sent(input);
    else if (mode == 'j')
        signed_json(input);
    else
        real_challenge(input);
    return 0;
}
