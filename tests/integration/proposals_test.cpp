// Proposing a petition from the public site and moderating it, through HTTP and the Maildir:
// propose, confirm, wait, hold, approve, reject (public and hidden reasons), send back and
// correct, roles, CSRF and bad input.
#include "proposals_fixture.hpp"

namespace rempart::testing {
namespace {

TEST_F(Proposals, ProposeConfirmWaitHoldAndApprove) {
    const auto form = http_get(server_.port(), "/propose", {{"Accept-Language", "en"}});
    ASSERT_EQ(form.status, 200u);
    EXPECT_TRUE(contains(form.body, "action=\"/propose\""));
    EXPECT_TRUE(contains(form.body, "The moderators answer within 14 days"));

    const auto link = propose_and_read_link("Ouvrir la piscine en août", "camille@example.org", 1);
    ASSERT_TRUE(link.starts_with("/p/")) << link;
    const auto mail = wait_for_mails(maildir(), 1)[0];
    EXPECT_TRUE(contains(decoded_body(mail), "Ouvrir la piscine en août"));

    // Waiting for its author: nowhere public, not in the queue.
    const auto slug = store_value(server_, "SELECT slug FROM petitions");
    EXPECT_EQ(slug, "ouvrir-la-piscine-en-aout");
    EXPECT_EQ(public_page(slug).status, 404u);
    EXPECT_EQ(http_get(server_.port(), "/api/petitions/" + slug).status, 404u);
    EXPECT_FALSE(contains(moderator_.get("/admin/moderation").body, "Ouvrir la piscine"));

    // Opening the link (a mail scanner does) confirms nothing; the button does.
    const auto page = http_get(server_.port(), link, {{"Accept-Language", "en"}});
    ASSERT_EQ(page.status, 200u);
    EXPECT_EQ(page.header("cache-control"), "no-store");
    EXPECT_TRUE(contains(page.body, "action=\"" + link + "/confirm\""));
    EXPECT_EQ(store_value(server_, "SELECT confirmed_at IS NULL FROM submissions"), "1");
    const auto confirmed = post_form(server_.port(), link + "/confirm", {});
    ASSERT_EQ(confirmed.status, 303u);
    EXPECT_EQ(confirmed.header("location"), link + "?done=confirmed");
    const auto waiting =
        http_get(server_.port(), link + "?done=confirmed", {{"Accept-Language", "en"}});
    EXPECT_TRUE(contains(waiting.body, "your proposal is confirmed and waits for a moderator"));

    const auto id = store_value(server_, "SELECT id FROM petitions");
    const auto queue = moderator_.get("/admin/moderation");
    ASSERT_EQ(queue.status, 200u);
    EXPECT_TRUE(contains(queue.body, "Ouvrir la piscine en août"));
    EXPECT_TRUE(contains(queue.body, "1 waiting, 0 overdue"));
    EXPECT_TRUE(contains(queue.body, "on time"));

    // A hold shows to the other moderator, who cannot act meanwhile.
    ASSERT_EQ(step(moderator_, id, "hold").status, 303u);
    const auto held = second_.get("/admin/moderation/" + id);
    EXPECT_TRUE(contains(held.body, "Held by mo@example.org"));
    const auto blocked = step(second_, id, "approve");
    EXPECT_EQ(blocked.status, 409u);
    EXPECT_TRUE(contains(blocked.body, "Another moderator is reading this proposal"));
    EXPECT_EQ(public_page(slug).status, 404u);

    const auto approved = step(moderator_, id, "approve");
    ASSERT_EQ(approved.status, 303u) << approved.body;
    EXPECT_EQ(approved.header("location"), "/admin/moderation?done=approve");
    const auto live = wait_for_status(slug, 200);
    ASSERT_EQ(live.status, 200u);
    EXPECT_TRUE(contains(live.body, "Ouvrir la piscine en août"));
    EXPECT_TRUE(contains(live.body, "action=\"/petitions/" + slug + "/sign\""));
    const auto json = boost::json::parse(http_get(server_.port(), "/api/petitions/" + slug).body);
    EXPECT_EQ(json.at("state").as_string(), "published");

    const auto mails = wait_for_mails(maildir(), 2);
    ASSERT_EQ(mails.size(), 2u);
    EXPECT_TRUE(contains(mails[1], "To: camille@example.org"));
    // In the language it was proposed in: French, the site's default.
    EXPECT_TRUE(contains(decoded_body(mails[1]), "ont publié votre pétition"));
    // The decision's mail carries the same private link, which now shows it published.
    EXPECT_EQ(author_link(mails[1]), link);
    EXPECT_TRUE(contains(http_get(server_.port(), link, {{"Accept-Language", "en"}}).body,
                         "Published: your petition collects signatures"));
    EXPECT_EQ(
        store_value(server_, "SELECT COUNT(*) FROM audit_log WHERE action = 'proposal_approve'"),
        "1");
    EXPECT_EQ(store_value(server_, "SELECT lag >= 0 FROM submissions"), "1");
    // A step on a decided proposal changes nothing.
    EXPECT_EQ(step(second_, id, "reject", {{"reason", "1"}}).status, 409u);
    EXPECT_EQ(store_value(server_, "SELECT state FROM petitions"), "published");
}

TEST_F(Proposals, APublicReasonIsShownAndAHiddenOneIsNot) {
    const auto [first, first_link] = waiting_proposal("Une pétition en double", "a@example.org", 1);
    const auto [second, second_link] =
        waiting_proposal("Des propos diffamatoires", "b@example.org", 2);
    const auto reason = [&](const std::string& code) {
        return store_value(server_, "SELECT id FROM rejection_reasons WHERE code = '" + code + "'");
    };
    ASSERT_EQ(step(moderator_, first, "reject", {{"reason", reason("duplicate")}}).status, 303u);
    ASSERT_EQ(step(moderator_, second, "reject",
                   {{"reason", reason("libel")}, {"note", "Le maire n'est pas un voleur."}})
                  .status,
              303u);

    const auto shown = wait_for_status("une-petition-en-double", 410);
    ASSERT_EQ(shown.status, 410u);
    EXPECT_TRUE(contains(shown.body, "A petition asking the same already exists"));
    EXPECT_FALSE(contains(shown.body, "Une pétition en double"));
    const auto hidden = wait_for_status("des-propos-diffamatoires", 410);
    ASSERT_EQ(hidden.status, 410u);
    EXPECT_TRUE(contains(hidden.body, "This petition was not published"));
    EXPECT_FALSE(contains(hidden.body, "defamatory"));
    EXPECT_FALSE(contains(hidden.body, "Des propos diffamatoires"));

    const auto json =
        boost::json::parse(http_get(server_.port(), "/api/petitions/des-propos-diffamatoires").body)
            .as_object();
    EXPECT_EQ(json.at("state").as_string(), "rejected");
    EXPECT_TRUE(json.at("reason_code").is_null());
    EXPECT_FALSE(json.contains("title"));
    const auto listed =
        boost::json::parse(http_get(server_.port(), "/api/petitions/une-petition-en-double").body)
            .as_object();
    EXPECT_EQ(listed.at("reason_code").as_string(), "duplicate");
    EXPECT_FALSE(listed.contains("summary"));

    // The author hears the reason, hidden or not, and the moderator's own words.
    const auto mails = wait_for_mails(maildir(), 4);
    ASSERT_EQ(mails.size(), 4u);
    const auto to_second = decoded_body(mails[3]);
    EXPECT_TRUE(contains(mails[3], "To: b@example.org"));
    EXPECT_TRUE(contains(to_second, "pourraient être diffamatoires"));  // in French, as proposed
    EXPECT_TRUE(contains(to_second, "Le maire n'est pas un voleur."));
    EXPECT_TRUE(contains(http_get(server_.port(), second_link).body, "Non publiée"));
}

TEST_F(Proposals, SentBackCorrectedAndSentAgain) {
    const auto [id, link] = waiting_proposal("Un titre à revoir", "c@example.org", 1);
    const auto without_note = step(moderator_, id, "return");
    EXPECT_EQ(without_note.status, 422u);
    EXPECT_TRUE(contains(without_note.body, "Say what the author should change"));
    ASSERT_EQ(step(moderator_, id, "return", {{"note", "Précisez qui décide."}}).status, 303u);
    EXPECT_FALSE(contains(moderator_.get("/admin/moderation").body, "Un titre à revoir"));

    const auto mails = wait_for_mails(maildir(), 2);
    ASSERT_EQ(mails.size(), 2u);
    EXPECT_TRUE(contains(decoded_body(mails[1]), "Précisez qui décide."));
    const auto page = http_get(server_.port(), link, {{"Accept-Language", "en"}});
    EXPECT_TRUE(contains(page.body, "Précisez qui décide."));
    EXPECT_TRUE(contains(page.body, "Send it again to the moderators"));

    // A correction with an error keeps what was typed and changes nothing.
    const auto bad = post_form(server_.port(), link,
                               {{"title", ""},
                                {"summary", "Gardé"},
                                {"text", "Nouveau texte"},
                                {"target_name", "Le conseil municipal"}},
                               {{"Accept-Language", "en"}});
    EXPECT_EQ(bad.status, 422u);
    EXPECT_TRUE(contains(bad.body, "Nouveau texte"));
    EXPECT_EQ(store_value(server_, "SELECT title FROM petitions"), "Un titre à revoir");

    const auto again = post_form(server_.port(), link,
                                 {{"title", "Un titre revu"},
                                  {"summary", "Gardé"},
                                  {"text", "Nouveau texte"},
                                  {"target_name", "Le conseil municipal"}});
    ASSERT_EQ(again.status, 303u) << again.body;
    EXPECT_EQ(again.header("location"), link + "?done=sent_again");
    EXPECT_TRUE(contains(moderator_.get("/admin/moderation").body, "Un titre revu"));
    EXPECT_EQ(store_value(server_, "SELECT slug FROM petitions"), "un-titre-a-revoir");
    EXPECT_EQ(
        store_value(server_,
                    "SELECT COUNT(*) FROM petition_changes WHERE actor = 'author' AND public = 0"),
        "5");  // title, summary, text, target and the goal left out
    // Approved at last: the mail says so, and does not repeat the old note.
    ASSERT_EQ(step(moderator_, id, "approve").status, 303u);
    const auto all = wait_for_mails(maildir(), 3);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_TRUE(contains(decoded_body(all[2]), "ont publié votre pétition"));
    EXPECT_FALSE(contains(decoded_body(all[2]), "Précisez qui décide."));
}

TEST_F(Proposals, OnlyModeratorsAndAdminsModerateAndEveryPostNeedsItsToken) {
    const auto [id, link] = waiting_proposal("Une pétition", "d@example.org", 1);
    EXPECT_EQ(organiser_.get("/admin/moderation").status, 403u);
    EXPECT_EQ(organiser_.get("/admin/moderation/" + id).status, 403u);
    EXPECT_FALSE(contains(organiser_.get("/admin").body, "/admin/moderation"));
    EXPECT_TRUE(contains(moderator_.get("/admin").body, "/admin/moderation"));
    const auto without_token = moderator_.post("/admin/moderation/" + id + "/approve", {});
    EXPECT_EQ(without_token.status, 403u);
    EXPECT_EQ(store_value(server_, "SELECT state FROM petitions"), "pending");
    const auto unknown = step(moderator_, id, "publish-now");
    EXPECT_EQ(unknown.status, 404u);
    // A rejection names a reason from the list.
    EXPECT_EQ(step(moderator_, id, "reject").status, 422u);
    EXPECT_EQ(step(moderator_, id, "reject", {{"reason", "999"}}).status, 409u);
    EXPECT_EQ(store_value(server_, "SELECT state FROM petitions"), "pending");
}

TEST_F(Proposals, BadInputComesBackBesideItsFieldsWithWhatWasTyped) {
    const std::string script = "<script>alert(1)</script>";
    const auto refused =
        post_form(server_.port(), "/propose",
                  proposal(server_.port(), "", "not-an-address",
                           {{"summary", script}, {"target_name", ""}, {"goal", "beaucoup"}}),
                  {{"Accept-Language", "en"}});
    ASSERT_EQ(refused.status, 422u);
    for (const auto* message :
         {"Say to whom the petition is addressed", "This e-mail address is not valid",
          "The goal must be a whole number"})
        EXPECT_TRUE(contains(refused.body, message)) << message;
    EXPECT_TRUE(contains(refused.body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    EXPECT_FALSE(contains(refused.body, script));
    EXPECT_TRUE(contains(refused.body, "value=\"beaucoup\""));

    const auto too_long =
        post_form(server_.port(), "/propose",
                  proposal(server_.port(), std::string(201, 'a'), "e@example.org"),
                  {{"Accept-Language", "en"}});
    EXPECT_EQ(too_long.status, 422u);
    EXPECT_TRUE(contains(too_long.body, "The title is too long"));
    const auto not_utf8 = post_form(server_.port(), "/propose",
                                    proposal(server_.port(), "Titre \xff\xfe", "e@example.org"),
                                    {{"Accept-Language", "en"}});
    EXPECT_EQ(not_utf8.status, 422u);
    EXPECT_TRUE(contains(not_utf8.body, "The text holds unreadable characters"));
    EXPECT_TRUE(contains(not_utf8.body, "value=\"Titre \xef\xbf\xbd\xef\xbf\xbd\""));
    const auto no_proof =
        post_form(server_.port(), "/propose",
                  proposal(server_.port(), "Un titre", "e@example.org", {{"altcha", ""}}),
                  {{"Accept-Language", "en"}});
    EXPECT_EQ(no_proof.status, 422u);
    EXPECT_TRUE(contains(no_proof.body, "The anti-robot check has not finished"));
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM petitions"), "0");
    EXPECT_TRUE(maildir_messages(maildir()).empty());

    // An XSS in every field of an accepted proposal never runs: not on the author's page,
    // not in the queue, not on the moderator's page.
    const auto link = propose_and_read_link(script + " titre", "f@example.org", 1);
    const auto id = store_value(server_, "SELECT id FROM petitions");
    ASSERT_EQ(post_form(server_.port(), link + "/confirm", {}).status, 303u);
    for (const auto& body :
         {http_get(server_.port(), link).body, moderator_.get("/admin/moderation").body,
          moderator_.get("/admin/moderation/" + id).body})
        EXPECT_FALSE(contains(body, script));

    // A preview renders the Markdown and writes nothing.
    const auto preview = post_form(
        server_.port(), "/propose",
        {{"title", "Aperçu"}, {"text", "Un **texte** et <b>du html</b>"}, {"preview", "1"}});
    EXPECT_EQ(preview.status, 200u);
    EXPECT_TRUE(contains(preview.body, "<strong>texte</strong>"));
    EXPECT_FALSE(contains(preview.body, "<b>du html</b>"));
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM petitions"), "1");
}

}  // namespace
}  // namespace rempart::testing
