// tools/attack-sim/mailbox_reader and proof_of_work: a mail's recipient, a solved challenge.
#include <gtest/gtest.h>

#include <openssl/sha.h>

#include <boost/json.hpp>

#include <cstdio>

#include "attack-sim/mailbox_reader.hpp"
#include "attack-sim/proof_of_work.hpp"

namespace rempart::attack {
namespace {

TEST(MailboxReader, TheRecipientIsTheBareAddressInLowercase) {
    EXPECT_EQ(recipient_of("From: a@b.fr\r\nTo: Jean.Dupont@Gmail.com\r\nSubject: x\r\n\r\nTo: no"),
              "jean.dupont@gmail.com");
    EXPECT_EQ(recipient_of("From: a@b.fr\r\nTo: =?UTF-8?Q?Jos=C3=A9?=\r\n <jose@free.fr>\r\n\r\n"),
              "jose@free.fr");
    EXPECT_EQ(recipient_of("From: a@b.fr\r\n\r\nTo: x@y.fr"), "");
}

std::string sha256_hex(const std::string& text) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
    std::string hex;
    char byte[3];
    for (const auto b : digest) std::snprintf(byte, sizeof byte, "%02x", b), hex += byte;
    return hex;
}

TEST(ProofOfWork, TheSolutionIsTheNumberWhoseDigestIsTheChallenge) {
    const std::string salt = "abc?expires=1&";
    const boost::json::object challenge{{"algorithm", "SHA-256"},
                                        {"challenge", sha256_hex(salt + "4321")},
                                        {"maxnumber", 10000},
                                        {"salt", salt},
                                        {"signature", "00"}};
    const auto solved = solve_challenge(boost::json::serialize(challenge));
    ASSERT_TRUE(solved.ok());
    EXPECT_EQ(solved->hashes, 4322u);
    EXPECT_EQ(solved->maxnumber, 10000u);
    EXPECT_FALSE(solved->payload.empty());

    auto out_of_reach = challenge;
    out_of_reach["maxnumber"] = 100;
    EXPECT_FALSE(solve_challenge(boost::json::serialize(out_of_reach)).ok());
    EXPECT_FALSE(solve_challenge("not json").ok());
}

}  // namespace
}  // namespace rempart::attack
