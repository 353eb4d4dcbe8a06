// Solves an ALTCHA challenge with OpenSSL's SHA-256.
#include "proof_of_work.hpp"

#include <openssl/evp.h>

#include <boost/json.hpp>

#include <array>
#include <charconv>
#include <memory>

#include "errors.hpp"
#include "solver_timing.hpp"

namespace rempart::attack {
namespace {

bool from_hex(std::string_view hex, std::array<unsigned char, 32>& out) {
    if (hex.size() != 64) return false;
    for (std::size_t i = 0; i < 32; ++i) {
        const auto [end, ec] =
            std::from_chars(hex.data() + 2 * i, hex.data() + 2 * i + 2, out[i], 16);
        if (ec != std::errc{} || end != hex.data() + 2 * i + 2) return false;
    }
    return true;
}

std::string base64(const std::string& bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                        reinterpret_cast<const unsigned char*>(bytes.data()),
                                        static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(written));
    return out;
}

using DigestContext = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

}  // namespace

Result<Solution> solve_challenge(const std::string& challenge_json, const Solver& solver) {
    boost::system::error_code ec;
    const auto parsed = boost::json::parse(challenge_json, ec);
    if (ec || !parsed.is_object())
        return make_error(SolveError::bad_challenge, "not a JSON object");
    const auto& json = parsed.as_object();
    const auto* salt = json.if_contains("salt");
    const auto* challenge = json.if_contains("challenge");
    const auto* max = json.if_contains("maxnumber");
    if (!salt || !salt->is_string() || !challenge || !challenge->is_string() || !max ||
        !max->is_number())
        return make_error(SolveError::bad_challenge, "salt, challenge or maxnumber missing");
    std::array<unsigned char, 32> target{};
    if (!from_hex(challenge->as_string(), target))
        return make_error(SolveError::bad_challenge, "challenge is not a SHA-256 digest");
    const auto max_number = max->to_number<std::uint64_t>();

    // The salt's state is hashed once and copied for each number.
    DigestContext base(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    DigestContext work(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    const std::string salt_text(salt->as_string());
    EVP_DigestInit_ex(base.get(), EVP_sha256(), nullptr);
    EVP_DigestUpdate(base.get(), salt_text.data(), salt_text.size());
    std::array<unsigned char, 32> digest{};
    char number_text[24];
    for (std::uint64_t number = 0; number <= max_number; ++number) {
        const auto [end, _] = std::to_chars(number_text, number_text + sizeof number_text, number);
        EVP_MD_CTX_copy_ex(work.get(), base.get());
        EVP_DigestUpdate(work.get(), number_text, static_cast<std::size_t>(end - number_text));
        unsigned int length = 0;
        EVP_DigestFinal_ex(work.get(), digest.data(), &length);
        if (digest != target) continue;
        boost::json::object payload;
        payload["algorithm"] = json.contains("algorithm") ? json.at("algorithm") : "SHA-256";
        payload["challenge"] = challenge->as_string();
        payload["number"] = number;
        payload["salt"] = salt_text;
        payload["signature"] = json.contains("signature") ? json.at("signature") : "";
        // This loop is one thread of OpenSSL, slower than a native solver and faster than
        // many phones: the plan's solver says what the payload claims.
        payload["took"] = took_ms(solver, number);
        return Solution{base64(boost::json::serialize(payload)), max_number, number + 1};
    }
    return make_error(SolveError::unsolved, "no number up to maxnumber matches");
}

}  // namespace rempart::attack
