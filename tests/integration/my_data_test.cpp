// A signer's rights without an account, against the real server and its Maildir: the same
// answer for an address that signed and one that did not, a link only to the first; the
// page lists that mailbox's signatures only; export, withdraw, unsubscribe and erase each
// do what they say and nothing to anyone else; a link stops at its end.
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <regex>

#include "client/http_client.hpp"
#include "client/signing_client.hpp"
#include "support/contains.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

class MyData : public ::testing::Test {
  protected:
    void SetUp() override {
        server_.create_petition("piscine", "Ouvrir la piscine");
        server_.create_petition("velo", "Des pistes cyclables");
        server_.start();
    }
    HttpResponse post(const std::string& target, const Fields& fields) {
        return post_form(server_.port(), target, fields, {{"Accept-Language", "en"}});
    }
    HttpResponse get(const std::string& target) {
        return http_get(server_.port(), target, {{"Accept-Language", "en"}});
    }
    void sign(const std::string& slug, const std::string& name, const std::string& email) {
        ASSERT_EQ(post_form(server_.port(), "/petitions/" + slug + "/sign",
                            signing_fields(
                                server_.port(), name, email,
                                {{"updates", "1"}, {"altcha", solve_altcha(server_.port(), slug)}}))
                      .status,
                  303u);
    }
    // The /my-data/ link of the last mail to `to`, waited for (bounded).
    std::string link_to(const std::string& to, std::size_t mails) {
        for (const auto& mail : wait_for_mails(server_.dir() / "data" / "mail", mails)) {
            std::smatch match;
            const auto body = decoded_body(mail);
            if (contains(mail, "To: " + to) &&
                std::regex_search(body, match, std::regex("/my-data/[A-Za-z0-9_-]{43}")))
                return match[0];
        }
        return {};
    }
    std::string value(const std::string& sql) { return store_value(server_, sql); }

    ServerProcess server_;
};

TEST_F(MyData, ASignerSeesExportsWithdrawsAndErasesTheirOwnSignaturesOnly) {
    sign("piscine", "Marie Curie", "marie@example.org");
    sign("velo", "Marie Curie", "marie@example.org");
    sign("velo", "Paul Langevin", "paul@example.org");
    const auto mails = wait_for_mails(server_.dir() / "data" / "mail", 3);
    ASSERT_EQ(mails.size(), 3u);
    for (const auto& mail : mails)
        if (contains(mail, "marie@example.org")) {
            ASSERT_EQ(post_form(server_.port(),
                                "/s/" + link_token(confirmation_link(mail)) + "/confirm", {})
                          .status,
                      303u);
        }
    ASSERT_EQ(api_signature_count(server_.port(), "piscine"), 1);

    // The same answer whether the address signed or not; the link goes to the first only.
    const auto form = get("/my-data");
    ASSERT_EQ(form.status, 200u);
    EXPECT_TRUE(contains(form.body, "action=\"/my-data\""));
    const auto known = post("/my-data", {{"email", "Marie@Example.org"}});
    const auto unknown = post("/my-data", {{"email", "nobody@example.org"}});
    EXPECT_EQ(known.status, 303u);
    EXPECT_EQ(unknown.status, known.status);
    EXPECT_EQ(unknown.header("location"), known.header("location"));
    EXPECT_EQ(unknown.body, known.body);
    EXPECT_EQ(known.header("location"), "/my-data?sent=1");
    const auto link = link_to("Marie@Example.org", 4);
    ASSERT_FALSE(link.empty());
    EXPECT_EQ(value("SELECT COUNT(*) FROM outbox WHERE envelope_to LIKE 'nobody%'"), "0");
    // A wrong address comes back beside its field, as typed.
    const auto wrong = post("/my-data", {{"email", "marie@"}});
    EXPECT_EQ(wrong.status, 422u);
    EXPECT_TRUE(contains(wrong.body, "value=\"marie@\""));
    EXPECT_TRUE(contains(wrong.body, "aria-invalid=\"true\""));

    auto page = get(link);
    ASSERT_EQ(page.status, 200u);
    EXPECT_EQ(page.header("cache-control"), "no-store");
    EXPECT_TRUE(contains(page.body, "Ouvrir la piscine"));
    EXPECT_TRUE(contains(page.body, "Des pistes cyclables"));
    EXPECT_TRUE(contains(page.body, "confirmed and counted"));
    EXPECT_FALSE(contains(page.body, "paul@example.org"));

    const auto exported = get(link + "/export.json");
    ASSERT_EQ(exported.status, 200u);
    EXPECT_EQ(exported.header("content-type"), "application/json");
    const auto json = boost::json::parse(exported.body);
    const auto& signatures = json.at("signatures").as_array();
    ASSERT_EQ(signatures.size(), 2u);
    for (const auto& signature : signatures) {
        EXPECT_EQ(signature.at("email").as_string(), "marie@example.org");
        EXPECT_EQ(signature.at("name").as_string(), "Marie Curie");
        EXPECT_TRUE(signature.at("receives_news").as_bool());
    }

    // Another signer's signature, through this link: nothing happens to it.
    const auto paul = value("SELECT id FROM signatures WHERE email = 'paul@example.org'");
    auto done = post(link + "/erase", {{"signature", paul}});
    EXPECT_EQ(done.header("location"), link + "?done=nothing");
    EXPECT_EQ(value("SELECT name FROM signatures WHERE id = " + paul), "Paul Langevin");
    EXPECT_EQ(post(link + "/erase", {{"signature", "12abc"}}).status, 400u);

    const auto counted = value(
        "SELECT s.id FROM signatures s JOIN petitions p ON p.id = s.petition_id "
        "WHERE p.slug = 'piscine'");
    done = post(link + "/withdraw", {{"signature", counted}});
    ASSERT_EQ(done.status, 303u);
    EXPECT_EQ(done.header("location"), link + "?done=withdrawn");
    EXPECT_EQ(api_signature_count(server_.port(), "piscine"), 0);
    EXPECT_EQ(value("SELECT state FROM signatures WHERE id = " + counted), "withdrawn");
    EXPECT_TRUE(contains(get(link + "?done=withdrawn").body, "your signature no longer counts"));

    ASSERT_EQ(post(link + "/unsubscribe", {}).header("location"), link + "?done=unsubscribed");
    EXPECT_EQ(value("SELECT COUNT(*) FROM signatures WHERE email = 'marie@example.org' AND "
                    "updates_left_at IS NULL"),
              "0");

    ASSERT_EQ(post(link + "/erase", {}).header("location"), link + "?done=erased");
    EXPECT_EQ(value("SELECT COUNT(*) FROM signatures WHERE name = 'Marie Curie' OR "
                    "email LIKE 'marie%' OR email_canonical LIKE 'marie%'"),
              "0");
    EXPECT_EQ(value("SELECT COUNT(*) FROM signatures WHERE anonymised_at IS NOT NULL"), "2");
    EXPECT_TRUE(contains(get(link).body, "No signature uses this address any more."));
    EXPECT_EQ(value("SELECT name FROM signatures WHERE id = " + paul), "Paul Langevin");

    // A link used up, or unknown, opens nothing.
    ASSERT_EQ(store_exec(server_, "UPDATE data_links SET uses_left = 0"), "");
    EXPECT_EQ(get(link).status, 404u);
    EXPECT_EQ(get("/my-data/" + std::string(43, 'A')).status, 404u);
    EXPECT_EQ(post("/my-data/nope/erase", {}).status, 404u);
    EXPECT_EQ(
        post_form(server_.port(), link + "/erase", {}, {{"Origin", "https://evil.example"}}).status,
        403u);
}

// The answer's time is no clue either: both wait for the same moment after the request came,
// the known address's commit inside it. Bounds, not figures: each answer comes after the
// floor, and the medians differ by less than it, however slow this machine is.
TEST_F(MyData, AKnownAndAnUnknownAddressAreAnsweredAfterTheSameTime) {
    sign("piscine", "Marie Curie", "marie@example.org");
    const auto timed = [&](const std::string& email) {
        const auto started = std::chrono::steady_clock::now();
        const auto answer = post("/my-data", {{"email", email}});
        EXPECT_EQ(answer.header("location"), "/my-data?sent=1");
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now() - started)
            .count();
    };
    std::vector<std::int64_t> known, unknown;
    for (int i = 0; i < 3; ++i) {
        known.push_back(timed("marie@example.org"));
        unknown.push_back(timed("nobody" + std::to_string(i) + "@example.org"));
    }
    constexpr std::int64_t floor_ms = 250;
    for (const auto ms : known) EXPECT_GE(ms, floor_ms);
    for (const auto ms : unknown) EXPECT_GE(ms, floor_ms);
    std::sort(known.begin(), known.end());
    std::sort(unknown.begin(), unknown.end());
    EXPECT_LT(std::abs(known[1] - unknown[1]), floor_ms)
        << "known " << known[1] << " ms, unknown " << unknown[1] << " ms";
    // And the link went to the known address only.
    EXPECT_FALSE(link_to("marie@example.org", 2).empty());
    EXPECT_EQ(value("SELECT COUNT(*) FROM outbox WHERE envelope_to LIKE 'nobody%'"), "0");
}

}  // namespace
}  // namespace rempart::testing
