// Tests for accounts/actor: who an audit entry is by, and its text in the audit log.
#include "accounts/actor.hpp"

#include <gtest/gtest.h>

namespace rempart::accounts {
namespace {

TEST(Actor, EachKindHasItsOwnTextAndReadsBack) {
    for (const auto& actor : {Actor::account(12), Actor::login_attempt("ana@example.org"),
                              Actor::command_line(), Actor::petition_author(7)})
        EXPECT_EQ(parse_actor(actor.to_text()), actor) << actor.to_text();
    EXPECT_EQ(Actor::account(12).to_text(), "account:12");
    EXPECT_EQ(Actor::login_attempt("ana@example.org").to_text(), "web:ana@example.org");
    EXPECT_EQ(Actor::command_line().to_text(), "cli");
    EXPECT_EQ(Actor::petition_author(7).to_text(), "author:7");
    EXPECT_NE(Actor::petition_author(7), Actor::account(7));
}

TEST(Actor, NothingTypedAtTheLoginFormPassesForTheCommandLineOrAnAccount) {
    for (const char* typed : {"cli", "account:1", "author:1", "CLI", "web:cli", ""}) {
        const auto read = parse_actor(Actor::login_attempt(typed).to_text());
        ASSERT_TRUE(read) << typed;
        EXPECT_EQ(read->kind(), Actor::Kind::login_attempt) << typed;
        EXPECT_EQ(read->address(), typed);
    }
}

TEST(Actor, UnknownTextIsNoActor) {
    for (const char* text : {"ana@example.org", "account:", "account:x", "account:-1", "CLI",
                             "author:", "author:0", "author:7x"})
        EXPECT_FALSE(parse_actor(text)) << text;
}

}  // namespace
}  // namespace rempart::accounts
