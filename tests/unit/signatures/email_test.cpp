// Tests for signatures/email: what people type, what is refused, and one form per mailbox.
#include "signatures/email.hpp"

#include <gtest/gtest.h>

namespace rempart::signatures {
namespace {

std::string canonical(std::string_view typed) {
    const auto address = parse_email(typed);
    return address ? address->canonical : "refused: " + address.error().detail;
}

TEST(Email, AcceptsWhatPeopleType) {
    for (const char* typed :
         {"jean.dupont@example.org", "  Jean@Example.ORG ", "a+b@sub.example.fr",
          "o'neil@example.ie", "x@xn--caf-dma.fr", "léa@café.fr", "user_1-2@example.co.uk"})
        EXPECT_TRUE(parse_email(typed).ok()) << typed;
}

TEST(Email, RefusesWhatCannotBeAnAddress) {
    for (const char* typed : {"",
                              "   ",
                              "plainaddress",
                              "@example.org",
                              "a@",
                              "a@localhost",
                              "a@@example.org",
                              ".a@example.org",
                              "a.@example.org",
                              "a..b@example.org",
                              "a b@example.org",
                              "a@exa mple.org",
                              "a@-example.org",
                              "a@example-.org",
                              "a@example..org",
                              "a@[192.0.2.1]",
                              "a\"b@example.org",
                              "a<b>@example.org",
                              "a@exam\nple.org",
                              "caf\xe9@example.org"}) {
        const auto address = parse_email(typed);
        EXPECT_FALSE(address.ok()) << typed;
        if (!address.ok()) {
            EXPECT_EQ(address.error().code, "email.invalid");
        }
    }
}

TEST(Email, RefusesWhatIsTooLong) {
    EXPECT_TRUE(parse_email(std::string(64, 'a') + "@example.org").ok());
    EXPECT_FALSE(parse_email(std::string(65, 'a') + "@example.org").ok());
    EXPECT_TRUE(parse_email("a@" + std::string(63, 'b') + ".org").ok());
    EXPECT_FALSE(parse_email("a@" + std::string(64, 'b') + ".org").ok());
    std::string domain;
    while (domain.size() < 260) domain += std::string(50, 'c') + ".";
    EXPECT_FALSE(parse_email("a@" + domain + "org").ok());
}

TEST(Email, GmailDotsTagsAndGooglemailAreOneMailbox) {
    EXPECT_EQ(canonical("Jean.Dupont+petition@gmail.com"), "jeandupont@gmail.com");
    EXPECT_EQ(canonical("j.e.a.n.dupont@googlemail.com"), "jeandupont@gmail.com");
    EXPECT_EQ(canonical("JEANDUPONT@GMAIL.COM"), "jeandupont@gmail.com");
}

TEST(Email, PlusTagsGoOnlyWhereTheProviderIgnoresThem) {
    EXPECT_EQ(canonical("marie+x@outlook.com"), "marie@outlook.com");
    EXPECT_EQ(canonical("marie+x@proton.me"), "marie@proton.me");
    // Elsewhere a + may be part of a real, different mailbox, and dots always are.
    EXPECT_EQ(canonical("marie+x@example.org"), "marie+x@example.org");
    EXPECT_EQ(canonical("ma.rie@outlook.com"), "ma.rie@outlook.com");
}

TEST(Email, KeepsWhatWasTypedForSending) {
    const auto address = parse_email("  Jean.Dupont+petition@GMail.com ");
    ASSERT_TRUE(address.ok());
    EXPECT_EQ(address->as_typed, "Jean.Dupont+petition@GMail.com");
    EXPECT_EQ(address->local, "Jean.Dupont+petition");
    EXPECT_EQ(address->domain, "gmail.com");
}

}  // namespace
}  // namespace rempart::signatures

namespace rempart::signatures {
namespace {

TEST(InternationalDomains, BecomeTheirAsciiForm) {
    const auto email = parse_email("jean@exämple.fr");
    ASSERT_TRUE(email.ok()) << email.error().detail;
    EXPECT_EQ(email->ascii_domain, "xn--exmple-cua.fr");
    EXPECT_EQ(email->domain, "exämple.fr");
    EXPECT_EQ(email->canonical, "jean@xn--exmple-cua.fr");
    const auto upper = parse_email("jean@EXÄMPLE.FR");
    ASSERT_TRUE(upper.ok()) << upper.error().detail;
    EXPECT_EQ(upper->ascii_domain, "xn--exmple-cua.fr");
    EXPECT_EQ(upper->canonical, email->canonical);  // one mailbox, one form
    EXPECT_EQ(parse_email("a@Example.ORG")->ascii_domain, "example.org");
}

TEST(InternationalDomains, InvalidOnesAreRefused) {
    EXPECT_FALSE(parse_email("a@xn--zzzzz-.fr").ok());
    EXPECT_FALSE(parse_email("a@exa\u2665mple.fr").ok());  // a symbol IDNA 2008 disallows
    EXPECT_FALSE(parse_email("a@" + std::string(64, 'a') + ".fr").ok());
}

}  // namespace
}  // namespace rempart::signatures
