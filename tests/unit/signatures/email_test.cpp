// Tests for signatures/email: what people type, what is refused, and one form per mailbox.
#include "signatures/email.hpp"

#include <gtest/gtest.h>

#include "signatures/errors.hpp"

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
            EXPECT_EQ(address.error().code, SignatureError::email_invalid);
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

namespace rempart::signatures {
namespace {

std::string ascii_of(std::string_view typed) {
    const auto address = parse_email(typed);
    return address ? address->ascii_domain : "refused: " + address.error().detail;
}

TEST(InternationalDomains, AreShownInLowercaseUnicode) {
    EXPECT_EQ(parse_email("jean@EXÄMPLE.FR")->domain, "exämple.fr");
    EXPECT_EQ(parse_email("x@xn--caf-dma.fr")->domain, "café.fr");
    EXPECT_EQ(parse_email("x@xn--caf-dma.fr")->ascii_domain, "xn--caf-dma.fr");
    EXPECT_EQ(ascii_of("a@CAFE\u0301.fr"), "xn--caf-dma.fr");  // typed decomposed
}

TEST(InternationalDomains, PlainAsciiOnesSkipNothingLibidn2WouldCheck) {
    // Plain ASCII is lowercased and checked as a hostname, without libidn2.
    EXPECT_EQ(parse_email("a@Example.ORG")->domain, "example.org");
    EXPECT_EQ(ascii_of("a@exa_mple.org"),
              "refused: the domain holds a character domains cannot have");
    // Labels IDNA reserves ("xn--", any "??--"), in capitals too, still go through libidn2:
    // read back, and refused when they do not decode or are reserved.
    EXPECT_EQ(parse_email("x@XN--CAF-DMA.fr")->domain, "café.fr");
    EXPECT_EQ(parse_email("x@a.XN--CAF-DMA.fr")->ascii_domain, "a.xn--caf-dma.fr");
    EXPECT_FALSE(parse_email("a@xn--a.fr").ok());
    EXPECT_FALSE(parse_email("a@ok.XN--A.fr").ok());
    EXPECT_FALSE(parse_email("a@ab--cd.fr").ok());
}

TEST(InternationalDomains, SharpSIsKeptNotTurnedIntoSs) {
    // Non-transitional: faß.de and fass.de are different domains.
    EXPECT_EQ(ascii_of("a@faß.de"), "xn--fa-hia.de");
    EXPECT_EQ(ascii_of("a@fass.de"), "fass.de");
}

TEST(InternationalDomains, LabelsAreMeasuredInTheirAsciiForm) {
    // 40 "é" are 80 bytes typed, yet their A-label fits in 63.
    const std::string short_enough = "a@" + [] {
        std::string label;
        for (int i = 0; i < 40; ++i) label += "é";
        return label;
    }() + ".fr";
    const auto accepted = parse_email(short_enough);
    ASSERT_TRUE(accepted.ok()) << accepted.error().detail;
    EXPECT_LE(accepted->ascii_domain.find('.'), 63u);
    // Varied letters encode longer: this one's A-label passes 63 bytes.
    EXPECT_FALSE(parse_email("a@" + std::string("àéîõüçèêëïôûñ") + "àéîõüçèêëïôûñ" +
                             "àéîõüçèêëïôûñ" + "abcdefghijklmnopqrst.fr")
                     .ok());
}

TEST(InternationalDomains, LettersFromLookalikeAlphabetsMayNotMix) {
    EXPECT_NE(ascii_of("a@p\u0430ypal.com").find("refused: "), std::string::npos);  // Cyrillic а
    EXPECT_NE(ascii_of("a@\u03b1pple.com").find("refused: "), std::string::npos);   // Greek α
    EXPECT_NE(ascii_of("a@caf\u00e9\u0435.fr").find("refused: "), std::string::npos);  // é + е
    // One alphabet per label is fine, and other scripts may sit beside Latin letters.
    EXPECT_EQ(ascii_of("a@пример.рф"), "xn--e1afmkfd.xn--p1ai");
    EXPECT_EQ(ascii_of("a@paypal.xn--p1ai"), "paypal.xn--p1ai");
    EXPECT_EQ(ascii_of("a@abc日本.jp").rfind("xn--", 0), 0u);
}

TEST(InternationalDomains, DisallowedCodePointsAndContextsAreRefused) {
    for (const char* typed : {
             "a@ab\u05d0.com",      // Hebrew after Latin: the bidi rule
             "a@a\u200db.com",      // a zero-width joiner outside its allowed context
             "a@exa\u2665mple.fr",  // a symbol
             "a@\u0301abc.fr",      // a label starting with a combining mark
             "a@xn--a.fr",          // an A-label that decodes to nothing valid
         }) {
        const auto address = parse_email(typed);
        EXPECT_FALSE(address.ok()) << typed;
        if (!address.ok()) {
            EXPECT_EQ(address.error().code, SignatureError::email_invalid);
            EXPECT_FALSE(address.error().detail.empty());
        }
    }
}

TEST(InternationalDomains, UnicodeLocalPartsAreOneMailboxWhateverTheCase) {
    EXPECT_EQ(canonical("LÉA@CAFÉ.fr"), "léa@xn--caf-dma.fr");
    EXPECT_EQ(canonical("le\u0301a@cafe\u0301.fr"), "léa@xn--caf-dma.fr");
}

// Found by fuzzing: a dot between a letter and its accent, which Gmail ignores, left the two
// apart once the dots were removed, so "i.\u0301" and "í" were two mailboxes.
TEST(InternationalDomains, AnAccentAfterAGmailDotJoinsItsLetter) {
    EXPECT_EQ(canonical("i.\u0301@GMail.com"), "\u00ed@gmail.com");
    EXPECT_EQ(canonical("i.\u0301@GMail.com"), canonical("\u00ed@gmail.com"));
    EXPECT_EQ(canonical("I.\u0301+tag@gmail.com"), "\u00ed@gmail.com");
    // The canonical form of a canonical form is itself.
    EXPECT_EQ(canonical("\u00ed@gmail.com"), "\u00ed@gmail.com");
}

}  // namespace
}  // namespace rempart::signatures

namespace rempart::signatures {
namespace {

TEST(MailboxKey, TagsAtAnyDomainReachOneMailbox) {
    // "victim+1@", "victim+2@" at a small domain: each a signature, but one mailbox.
    EXPECT_EQ(mailbox_key("Victim+1", "asso.example"), "victim@asso.example");
    EXPECT_EQ(mailbox_key("victim+anything+more", "asso.example"), "victim@asso.example");
    EXPECT_EQ(mailbox_key("VICTIM", "ASSO.example"), "victim@asso.example");
    // Gmail also ignores dots; the canonical form already folds them there.
    EXPECT_EQ(mailbox_key("v.i.c.t.i.m+9", "googlemail.com"), "victim@gmail.com");
    // Elsewhere a dot is part of the name: two people.
    EXPECT_NE(mailbox_key("jean.dupont", "asso.example"),
              mailbox_key("jeandupont", "asso.example"));
    // A tag alone is not a mailbox of its own.
    EXPECT_EQ(mailbox_key("+tag", "asso.example"), "@asso.example");
}

}  // namespace
}  // namespace rempart::signatures
