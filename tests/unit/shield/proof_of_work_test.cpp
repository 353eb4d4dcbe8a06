// Tests for shield/proof_of_work: our own checks, and interoperability with npm altcha-lib.
#include "shield/proof_of_work.hpp"

#include <gtest/gtest.h>
#include <sodium.h>
#include <boost/json/parse.hpp>

#include <array>
#include <cstdio>
#include <ctime>

namespace rempart::shield {
namespace {

constexpr std::string_view pow_secret = "a-secret-for-tests";

std::string base64(std::string_view text) {
    std::string out(sodium_base64_ENCODED_LEN(text.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()),
                      text.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.find('\0'));
    return out;
}

std::string payload(const Challenge& c, std::uint64_t number) {
    return base64(R"({"algorithm":")" + c.algorithm + R"(","challenge":")" + c.challenge +
                  R"(","number":)" + std::to_string(number) + R"(,"salt":")" + c.salt +
                  R"(","signature":")" + c.signature + R"(","took":42})");
}

TEST(ProofOfWork, ASolvedChallengeIsAcceptedOnce) {
    ProofOfWork pow{std::string(pow_secret)};
    const auto c = pow.create("00112233445566778899aabb", 1234, 5000, 2000);
    EXPECT_EQ(pow.verify(payload(c, 1234), 1000), PowVerdict::accepted);
    EXPECT_EQ(pow.verify(payload(c, 1234), 1001), PowVerdict::replayed);
}

TEST(ProofOfWork, RefusesWrongSolutionsForgeriesAndExpiredOnes) {
    ProofOfWork pow{std::string(pow_secret)};
    const auto c = pow.create("00112233445566778899aabb", 1234, 5000, 2000);
    EXPECT_EQ(pow.verify(payload(c, 1235), 1000), PowVerdict::wrong_solution);
    EXPECT_EQ(pow.verify(payload(c, 1234), 2000), PowVerdict::expired);

    auto forged = c;
    forged.signature[0] = forged.signature[0] == 'a' ? 'b' : 'a';
    EXPECT_EQ(pow.verify(payload(forged, 1234), 1000), PowVerdict::bad_signature);

    // A later expiry spliced into the salt changes nothing the signature covers, but the
    // number no longer gives the challenge.
    auto stretched = c;
    stretched.salt.replace(stretched.salt.find("2000"), 4, "9999999999");
    EXPECT_EQ(pow.verify(payload(stretched, 1234), 1000), PowVerdict::wrong_solution);

    ProofOfWork other{"another-secret"};
    EXPECT_EQ(other.verify(payload(c, 1234), 1000), PowVerdict::bad_signature);
}

TEST(ProofOfWork, RefusesMalformedAndTestPayloads) {
    ProofOfWork pow{std::string(pow_secret)};
    EXPECT_EQ(pow.verify("", 0), PowVerdict::malformed);
    EXPECT_EQ(pow.verify("not base64 !!", 0), PowVerdict::malformed);
    EXPECT_EQ(pow.verify(base64("[1,2]"), 0), PowVerdict::malformed);
    EXPECT_EQ(pow.verify(base64(R"({"algorithm":"SHA-256"})"), 0), PowVerdict::malformed);
    EXPECT_EQ(pow.verify(std::string(3000, 'A'), 0), PowVerdict::malformed);
    EXPECT_EQ(pow.verify(base64(R"({"test":true})"), 0), PowVerdict::test_payload);
    const auto c = pow.create("00", 1, 10, 2000);
    auto sha1 = c;
    sha1.algorithm = "SHA-1";
    EXPECT_EQ(pow.verify(payload(sha1, 1), 1000), PowVerdict::wrong_algorithm);
}

TEST(ProofOfWork, RandomChallengesStayWithinTheirRangeAndAreForgottenAfterExpiry) {
    ProofOfWork pow{std::string(pow_secret)};
    const auto c = pow.create(50, 2000);
    EXPECT_EQ(c.maxnumber, 50u);
    std::optional<std::uint64_t> found;
    for (std::uint64_t n = 0; n <= 50 && !found; ++n)
        if (pow.verify(payload(c, n), 1000) == PowVerdict::accepted) found = n;
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(pow.remembered(), 1u);
    const auto later = pow.create(5, 3000);
    for (std::uint64_t n = 0; n <= 5; ++n) pow.verify(payload(later, n), 2500);
    EXPECT_EQ(pow.remembered(), 1u);  // the first one expired at 2000 and was swept
}

TEST(ProofOfWork, AChallengeFromBeforeARestartIsRefusedAsExpired) {
    ProofOfWork before{std::string(pow_secret)};
    const auto c = before.create(50, 2000);
    std::uint64_t number = 0;
    while (number <= 50 && before.verify(payload(c, number), 1000) != PowVerdict::accepted)
        ++number;
    ASSERT_LE(number, 50u);
    // The same secret after a restart: the solution was spent before, and nobody remembers.
    ProofOfWork after{std::string(pow_secret)};
    EXPECT_EQ(after.verify(payload(c, number), 1001), PowVerdict::expired);
    EXPECT_EQ(after.remembered(), 0u);
    // Its own challenges pass, once.
    const auto fresh = after.create("00aa", 3, 10, 2000);
    EXPECT_EQ(after.verify(payload(fresh, 3), 1001), PowVerdict::accepted);
    EXPECT_EQ(before.verify(payload(fresh, 3), 1001), PowVerdict::expired);
}

TEST(ProofOfWork, EachStartHasItsOwnMark) {
    ProofOfWork a{std::string(pow_secret)};
    ProofOfWork b{std::string(pow_secret)};
    const auto from_a = a.create("00", 1, 10, 2000).salt;
    const auto from_b = b.create("00", 1, 10, 2000).salt;
    EXPECT_NE(from_a.find("&start="), std::string::npos) << from_a;
    EXPECT_NE(from_a, from_b);
}

// Runs the altcha-lib side (tests/interop/altcha-v1.mjs) with node.
std::string altcha_lib(const std::string& arguments) {
    const std::string command =
        "node " REMPART_SOURCE_DIR "/tests/interop/altcha-v1.mjs " + arguments + " 2>&1";
    std::string output;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return output;
    std::array<char, 4096> chunk;
    while (std::fgets(chunk.data(), chunk.size(), pipe)) output += chunk.data();
    ::pclose(pipe);
    while (!output.empty() && output.back() == '\n') output.pop_back();
    return output;
}

std::string quoted(const std::string& text) {
    return "'" + text + "'";
}

TEST(ProofOfWorkInterop, AltchaLibSolvesOurChallengesAndBothSidesAccept) {
    ProofOfWork pow{std::string(pow_secret)};
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    const auto c = pow.create(20000, now + 300);
    const auto solved = altcha_lib("solve " + quoted(to_json(c)));
    ASSERT_FALSE(solved.empty());
    EXPECT_EQ(altcha_lib("verify " + std::string(pow_secret) + " " + solved), "true") << solved;
    EXPECT_EQ(pow.verify(solved, now), PowVerdict::accepted) << solved;
    EXPECT_EQ(pow.verify(solved, now), PowVerdict::replayed);
}

TEST(ProofOfWorkInterop, WeAcceptChallengesAltchaLibMadeWithOurSecretAndStart) {
    ProofOfWork pow{std::string(pow_secret), "5eed"};
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    const auto made = altcha_lib("create " + std::string(pow_secret) + " 777 " +
                                 std::to_string(now + 300) + " 5eed");
    EXPECT_EQ(pow.verify(made, now), PowVerdict::accepted) << made;
    const auto expired = altcha_lib("create " + std::string(pow_secret) + " 777 " +
                                    std::to_string(now - 5) + " 5eed");
    EXPECT_EQ(pow.verify(expired, now), PowVerdict::expired) << expired;
    const auto foreign =
        altcha_lib("create not-our-secret 777 " + std::to_string(now + 300) + " 5eed");
    EXPECT_EQ(pow.verify(foreign, now), PowVerdict::bad_signature) << foreign;
    // Our secret without our start: made before it, or by someone holding the secret only.
    const auto unmarked =
        altcha_lib("create " + std::string(pow_secret) + " 778 " + std::to_string(now + 300));
    EXPECT_EQ(pow.verify(unmarked, now), PowVerdict::expired) << unmarked;
}

TEST(ProofOfWorkInterop, AltchaLibRefusesWhatWeWouldRefuse) {
    ProofOfWork pow{std::string(pow_secret)};
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    const auto c = pow.create("abcdef", 99, 1000, now + 300);
    EXPECT_EQ(altcha_lib("verify " + std::string(pow_secret) + " " + payload(c, 100)), "false");
    EXPECT_EQ(altcha_lib("verify another " + payload(c, 99)), "false");
    EXPECT_EQ(altcha_lib("verify " + std::string(pow_secret) + " " + payload(c, 99)), "true");
}

TEST(ProofOfWork, AChallengeSaysWhatItIsForAndCannotBeMadeToSayOtherwise) {
    ProofOfWork pow(std::string(32, 'k'));
    PowClaims claims;
    const auto gate = pow.create("00aa", 12, 100, 1000, ChallengeUse::gate);
    EXPECT_EQ(pow.verify(payload(gate, 12), 900, &claims), PowVerdict::accepted);
    EXPECT_EQ(claims.use, ChallengeUse::gate);
    EXPECT_EQ(claims.difficulty, 100u);
    const auto signing = pow.create("00bb", 12, 100, 1000);
    EXPECT_EQ(pow.verify(payload(signing, 12), 900, &claims), PowVerdict::accepted);
    EXPECT_EQ(claims.use, ChallengeUse::signing);
    // Writing gate=1 into a signing challenge's salt breaks its signature's solution.
    auto claimed = pow.create("00cc", 12, 100, 1000);
    claimed.salt += "gate=1&";
    EXPECT_EQ(pow.verify(payload(claimed, 12), 900, &claims), PowVerdict::wrong_solution);
}

}  // namespace
}  // namespace rempart::shield
