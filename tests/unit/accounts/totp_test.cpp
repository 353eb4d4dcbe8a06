// Tests for TOTP: RFC 6238 appendix B, drift, replay, base32 and the otpauth URI.
#include <gtest/gtest.h>

#include "accounts/totp.hpp"

namespace rempart::accounts {
namespace {

// The RFC's SHA-1 seed, "12345678901234567890" in ASCII.
const std::string rfc_key = "12345678901234567890";

TEST(Totp, MatchesRfc6238AppendixBWithEightDigits) {
    const std::pair<std::int64_t, std::uint32_t> vectors[] = {
        {59, 94287082},         {1111111109, 7081804},  {1111111111, 14050471},
        {1234567890, 89005924}, {2000000000, 69279037}, {20000000000, 65353130},
    };
    for (const auto& [time, code] : vectors)
        EXPECT_EQ(hotp(rfc_key, static_cast<std::uint64_t>(totp_step(time)), 8), code) << time;
}

TEST(Totp, SixDigitCodesAreTheLastSixOfTheRfcCodes) {
    const auto secret = base32_encode(rfc_key);
    EXPECT_EQ(secret, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    EXPECT_EQ(totp_code(secret, 59), "287082");
    EXPECT_EQ(totp_code(secret, 1111111109), "081804");
    EXPECT_EQ(totp_code(secret, 1234567890), "005924");
    EXPECT_EQ(totp_code(secret, 20000000000), "353130");
}

TEST(Totp, AcceptsOneStepOfDriftEitherSideAndNoMore) {
    const auto secret = base32_encode(rfc_key);
    const std::int64_t now = 1234567890;
    const auto step = totp_step(now);
    EXPECT_EQ(verify_totp(secret, totp_code(secret, now), now, std::nullopt), step);
    EXPECT_EQ(verify_totp(secret, totp_code(secret, now - 30), now, std::nullopt), step - 1);
    EXPECT_EQ(verify_totp(secret, totp_code(secret, now + 30), now, std::nullopt), step + 1);
    EXPECT_FALSE(verify_totp(secret, totp_code(secret, now - 60), now, std::nullopt));
    EXPECT_FALSE(verify_totp(secret, totp_code(secret, now + 60), now, std::nullopt));
}

TEST(Totp, RefusesAStepAlreadyUsed) {
    const auto secret = base32_encode(rfc_key);
    const std::int64_t now = 1234567890;
    const auto code = totp_code(secret, now);
    const auto used = verify_totp(secret, code, now, std::nullopt);
    ASSERT_TRUE(used);
    EXPECT_FALSE(verify_totp(secret, code, now, used));
    EXPECT_FALSE(verify_totp(secret, totp_code(secret, now - 30), now, used));
    EXPECT_TRUE(verify_totp(secret, totp_code(secret, now + 30), now, used));
}

TEST(Totp, RefusesMalformedCodes) {
    const auto secret = base32_encode(rfc_key);
    const std::int64_t now = 1234567890;
    const auto code = totp_code(secret, now);
    EXPECT_FALSE(verify_totp(secret, "", now, std::nullopt));
    EXPECT_FALSE(verify_totp(secret, code.substr(0, 5), now, std::nullopt));
    EXPECT_FALSE(verify_totp(secret, code + "0", now, std::nullopt));
    EXPECT_FALSE(verify_totp(secret, "abcdef", now, std::nullopt));
    EXPECT_FALSE(verify_totp("not base32!", code, now, std::nullopt));
    EXPECT_TRUE(verify_totp(secret, code.substr(0, 3) + " " + code.substr(3), now, std::nullopt));
}

TEST(Totp, Base32RoundTripsAndIsForgivingAboutCase) {
    const std::string bytes("\x00\xff\x10 hello", 9);
    const auto text = base32_encode(bytes);
    EXPECT_EQ(base32_decode(text), bytes);
    std::string lower = text;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(base32_decode(lower + "=="), bytes);
    EXPECT_FALSE(base32_decode("AB1C"));
    EXPECT_FALSE(base32_decode(""));
}

TEST(Totp, NewSecretsAreTwentyRandomBytes) {
    const auto a = new_totp_secret();
    const auto b = new_totp_secret();
    EXPECT_EQ(a.size(), 32u);
    EXPECT_NE(a, b);
    EXPECT_EQ(base32_decode(a)->size(), 20u);
}

TEST(Totp, OtpauthUriNamesIssuerAccountAndParameters) {
    EXPECT_EQ(otpauth_uri("Rempart Paris", "ana@example.org", "ABC"),
              "otpauth://totp/Rempart%20Paris:ana@example.org?secret=ABC&issuer=Rempart%20Paris"
              "&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace rempart::accounts
