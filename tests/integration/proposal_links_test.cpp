// Proposals against the real server, beyond one proposal's moderation: the same proposal
// twice, new links for the author, petitions that look close, and the switch that opens
// proposals.
#include "proposals_fixture.hpp"

namespace rempart::testing {
namespace {

// The petitions suggested for `query` ("?q=..." or empty). The suggestions are the first
// answers a busy server sheds (503, as the search's): asked again then, a bounded number of
// times, as the form's script does on its next keystroke.
boost::json::array suggested(std::uint16_t port, const std::string& query) {
    HttpResponse answer;
    for (int i = 0; i < 50; ++i) {
        answer = http_get(port, "/propose/similar" + query, {{"Accept-Language", "en"}});
        if (answer.status != 503) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (answer.status != 200 || answer.header("content-type") != "application/json") {
        ADD_FAILURE() << query << " answered " << answer.status << ": " << answer.body;
        return {};
    }
    return boost::json::parse(answer.body).at("petitions").as_array();
}

TEST_F(Proposals, TheSameProposalTwiceIsOneRowAndOneMail) {
    propose_and_read_link("Deux fois la même", "g@example.org", 1);
    const auto again = post_form(server_.port(), "/propose",
                                 proposal(server_.port(), "Deux fois la même", "g@example.org"));
    EXPECT_EQ(again.status, 303u);
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM petitions"), "1");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(maildir_messages(maildir()).size(), 1u);
}

TEST_F(Proposals, ANewLinkStopsTheOldOneAndTheAnswerNeverTellsWhoProposed) {
    const auto old_link = propose_and_read_link("Un lien perdu", "h@example.org", 1);
    ASSERT_EQ(http_get(server_.port(), old_link).status, 200u);
    const auto known = post_form(server_.port(), "/propose/link", {{"email", "H@Example.org"}});
    const auto unknown =
        post_form(server_.port(), "/propose/link", {{"email", "nobody@example.org"}});
    EXPECT_EQ(known.status, 303u);
    EXPECT_EQ(unknown.status, 303u);
    EXPECT_EQ(known.header("location"), unknown.header("location"));
    const auto mails = wait_for_mails(maildir(), 2);
    ASSERT_EQ(mails.size(), 2u);
    EXPECT_TRUE(contains(mails[1], "To: h@example.org"));
    const auto new_link = author_link(mails[1]);
    ASSERT_FALSE(new_link.empty());
    EXPECT_NE(new_link, old_link);
    EXPECT_EQ(http_get(server_.port(), new_link).status, 200u);
    EXPECT_EQ(http_get(server_.port(), old_link).status, 404u);
    // A forged or altered link opens nothing.
    auto altered = new_link;
    altered.back() = altered.back() == 'a' ? 'b' : 'a';
    EXPECT_EQ(http_get(server_.port(), altered).status, 404u);
    EXPECT_EQ(http_get(server_.port(), "/p/1-").status, 404u);
    EXPECT_EQ(post_form(server_.port(), "/propose/link", {{"email", "pas une adresse"}}).status,
              422u);
}

TEST_F(Proposals, PetitionsThatLookCloseAreSuggestedAndShownBeforeSending) {
    server_.stop();
    server_.create_petition("piscine", "Ouvrir la piscine Saint-Roch en été");
    server_.start();
    // While typing: the index finds it by any word, the last one half typed, accents aside.
    const auto typed = suggested(server_.port(), "?q=piscine%20saint-ro");
    ASSERT_EQ(typed.size(), 1u);
    EXPECT_EQ(typed[0].at("url").as_string(), "/petitions/piscine");
    EXPECT_EQ(typed[0].at("signatures").as_string(), "0 signatures");
    EXPECT_TRUE(suggested(server_.port(), "?q=velo").empty());
    EXPECT_TRUE(suggested(server_.port(), "").empty());

    // Sending: the close petition is shown first, the form kept, nothing written or spent.
    auto fields = proposal(server_.port(), "Ouvrir la piscine Saint-Roch en août",
                           "camille@example.org", {{"summary", "La piscine Saint-Roch en été."}});
    const auto shown = post_form(server_.port(), "/propose", fields, {{"Accept-Language", "en"}});
    ASSERT_EQ(shown.status, 200u) << shown.body;
    EXPECT_TRUE(contains(shown.body, "These petitions look close"));
    EXPECT_TRUE(contains(shown.body, "href=\"/petitions/piscine\""));
    EXPECT_TRUE(contains(shown.body, "name=\"different\" value=\"1\""));
    EXPECT_TRUE(contains(shown.body, "value=\"Ouvrir la piscine Saint-Roch en août\""));
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM submissions"), "0");
    // The same payload still serves: it was not spent.
    fields.emplace_back("different", "1");
    const auto sent = post_form(server_.port(), "/propose", fields);
    EXPECT_EQ(sent.status, 303u) << sent.body;
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM submissions"), "1");
    // The moderators see the close petition among the automatic checks' flags.
    const auto id = store_value(server_, "SELECT petition_id FROM submissions");
    EXPECT_TRUE(contains(moderator_.get("/admin/moderation/" + id).body, "Looks like: piscine"));
    // A pending proposal is never suggested to the public.
    EXPECT_TRUE(suggested(server_.port(), "?q=ao%C3%BBt").empty());
}

TEST(ProposalsClosed, TheFormIsClosedUnlessTheAssociationOpensIt) {
    ServerProcess server;
    const auto admin_once = add_account(server, "ana@example.org", "admin");
    server.start();
    const auto form = http_get(server.port(), "/propose", {{"Accept-Language", "en"}});
    EXPECT_EQ(form.status, 404u);
    EXPECT_TRUE(contains(form.body, "Proposals are closed"));
    EXPECT_EQ(post_form(server.port(), "/propose", {{"title", "x"}}).status, 404u);
    EXPECT_EQ(store_value(server, "SELECT COUNT(*) FROM petitions"), "0");

    // An admin opens them from the site's settings, at once and for good.
    AdminBrowser admin(server.port());
    ASSERT_EQ(admin.first_log_in("ana@example.org", admin_once, chosen_password).status, 303u);
    const auto settings = admin.get("/admin/settings");
    EXPECT_TRUE(contains(settings.body, "Petitions proposed by the public"));
    const auto opened = admin.post("/admin/settings", {{"csrf", admin.csrf_of("/admin/settings")},
                                                       {"submissions_open", "true"}});
    ASSERT_EQ(opened.status, 303u) << opened.body;
    EXPECT_EQ(http_get(server.port(), "/propose").status, 200u);
    const auto refused = admin.post("/admin/settings", {{"csrf", admin.csrf_of("/admin/settings")},
                                                        {"submissions_open", "perhaps"}});
    EXPECT_EQ(refused.status, 422u);
    EXPECT_EQ(http_get(server.port(), "/propose").status, 200u);
    server.stop();
    server.start();
    EXPECT_EQ(http_get(server.port(), "/propose").status, 200u);
}

}  // namespace
}  // namespace rempart::testing
