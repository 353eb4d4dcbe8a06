// The rejection reasons edited from the back office, through HTTP and the Maildir: an admin
// adds a reason in the association's words, a moderator gives it and the author and the
// visitors read it; the site's own reasons are retired, never rewritten; roles, CSRF, bad
// input and markup in a reason.
#include "proposals_fixture.hpp"

namespace rempart::testing {
namespace {

class RejectionReasons : public Proposals {
  protected:
    void SetUp() override {
        admin_once_ = add_account(server_, "ada@example.org", "admin");
        Proposals::SetUp();
        ASSERT_EQ(admin_.first_log_in("ada@example.org", admin_once_, chosen_password).status,
                  303u);
    }

    HttpResponse change(const std::string& target, Fields fields) {
        fields.insert(fields.begin(), {"csrf", admin_.csrf_of("/admin/rejection-reasons")});
        return admin_.post(target, fields, {{"Accept-Language", "en"}});
    }

    std::string reason_id(const std::string& label) {
        return store_value(server_,
                           "SELECT id FROM rejection_reasons WHERE label = '" + label + "'");
    }

    std::string admin_once_;
    AdminBrowser admin_{server_.port()};
};

TEST_F(RejectionReasons, AnAdminsOwnReasonIsGivenByModeratorsAndReadByTheAuthor) {
    auto list = admin_.get("/admin/rejection-reasons", {{"Accept-Language", "en"}});
    ASSERT_EQ(list.status, 200u);
    EXPECT_TRUE(contains(list.body, "A petition asking the same already exists"));
    EXPECT_TRUE(contains(list.body, "The site&apos;s words"));

    const std::string words = "Votre pétition ne concerne qu'une rue : écrivez à la mairie.";
    const auto added = change("/admin/rejection-reasons",
                              {{"label", "Trop locale"}, {"public_text", words}});
    ASSERT_EQ(added.status, 303u) << added.body;
    EXPECT_EQ(added.header("location"), "/admin/rejection-reasons?done=added");
    const auto id = reason_id("Trop locale");
    ASSERT_FALSE(id.empty());
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM audit_log WHERE action = 'reason_added'"),
              "1");

    // The moderator picks it from the list and the author reads its words.
    const auto [proposal, link] = waiting_proposal("Repeindre ma rue", "a@example.org", 1);
    const auto page = moderator_.get("/admin/moderation/" + proposal);
    EXPECT_TRUE(contains(page.body, "<option value=\"" + id + "\">Trop locale</option>"))
        << page.body;
    ASSERT_EQ(step(moderator_, proposal, "reject", {{"reason", id}}).status, 303u);
    const auto mails = wait_for_mails(maildir(), 2);
    ASSERT_EQ(mails.size(), 2u);
    EXPECT_TRUE(contains(decoded_body(mails[1]), "ne concerne qu"));
    const auto refused = wait_for_status("repeindre-ma-rue", 410);
    ASSERT_EQ(refused.status, 410u);
    EXPECT_TRUE(contains(refused.body, "écrivez à la mairie")) << refused.body;

    // New words reach the refused petition too; retired, it is no longer offered.
    ASSERT_EQ(change("/admin/rejection-reasons/" + id,
                     {{"label", "Trop locale"}, {"public_text", "Une seule rue."}})
                  .status,
              303u);
    bool reworded = false;
    for (int i = 0; i < 100 && !reworded; ++i) {  // the catalog follows the store within seconds
        reworded = contains(public_page("repeindre-ma-rue").body, "Une seule rue.");
        if (!reworded) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_TRUE(reworded);
    ASSERT_EQ(change("/admin/rejection-reasons/" + id + "/retire", {}).status, 303u);
    const auto [other, other_link] = waiting_proposal("Fermer ma rue", "b@example.org", 3);
    EXPECT_FALSE(contains(moderator_.get("/admin/moderation/" + other).body, "Trop locale"));
    EXPECT_EQ(step(moderator_, other, "reject", {{"reason", id}}).status, 409u);
    list = admin_.get("/admin/rejection-reasons", {{"Accept-Language", "en"}});
    EXPECT_TRUE(contains(list.body, "retired"));
    EXPECT_TRUE(contains(list.body, "1 time"));
    ASSERT_EQ(change("/admin/rejection-reasons/" + id + "/restore", {}).status, 303u);
    EXPECT_TRUE(contains(moderator_.get("/admin/moderation/" + other).body, "Trop locale"));
}

TEST_F(RejectionReasons, BadInputTheSitesOwnReasonsRolesAndTokens) {
    // Each field says what is wrong, with what was typed kept.
    auto answer = change("/admin/rejection-reasons", {{"label", ""}, {"public_text", "Gardé."}});
    ASSERT_EQ(answer.status, 422u);
    EXPECT_TRUE(contains(answer.body, "Give the reason a label."));
    EXPECT_TRUE(contains(answer.body, ">Gardé.</textarea>"));
    answer = change("/admin/rejection-reasons",
                    {{"label", "Raison"}, {"public_text", std::string(601, 'a')}});
    ASSERT_EQ(answer.status, 422u);
    EXPECT_TRUE(contains(answer.body, "600 characters at most"));
    // A form that is not UTF-8 is refused whole by the back office, as every other.
    EXPECT_EQ(change("/admin/rejection-reasons", {{"label", "Raison \xff"}, {"public_text", "x"}})
                  .status,
              400u);
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM rejection_reasons WHERE code = ''"),
              "0");

    // Markup is words, everywhere a reason shows.
    ASSERT_EQ(change("/admin/rejection-reasons", {{"label", "<script>alert(1)</script>"},
                                                  {"public_text", "<b>gras</b>"}})
                  .status,
              303u);
    const auto list = admin_.get("/admin/rejection-reasons");
    EXPECT_FALSE(contains(list.body, "<script>alert(1)"));
    EXPECT_TRUE(contains(list.body, "&lt;script&gt;alert(1)"));
    EXPECT_FALSE(contains(list.body, "<b>gras</b>"));

    // The site's own reasons keep their words, in every language.
    const auto duplicate =
        store_value(server_, "SELECT id FROM rejection_reasons WHERE code = 'duplicate'");
    EXPECT_EQ(change("/admin/rejection-reasons/" + duplicate,
                     {{"label", "x"}, {"public_text", "y"}})
                  .status,
              409u);
    EXPECT_EQ(admin_.get("/admin/rejection-reasons/" + duplicate).status, 409u);
    EXPECT_EQ(admin_.get("/admin/rejection-reasons/999").status, 404u);
    EXPECT_EQ(change("/admin/rejection-reasons/999/retire", {}).status, 404u);

    // Admins only, and every change needs its token.
    EXPECT_EQ(moderator_.get("/admin/rejection-reasons").status, 403u);
    EXPECT_EQ(moderator_
                  .post("/admin/rejection-reasons",
                        {{"csrf", moderator_.csrf_of("/admin/moderation")},
                         {"label", "a"},
                         {"public_text", "b"}})
                  .status,
              403u);
    EXPECT_EQ(admin_.post("/admin/rejection-reasons", {{"label", "a"}, {"public_text", "b"}})
                  .status,
              403u);
    EXPECT_FALSE(contains(moderator_.get("/admin/moderation").body, "/admin/rejection-reasons"));
    EXPECT_TRUE(contains(admin_.get("/admin/moderation").body, "/admin/rejection-reasons"));
}

}  // namespace
}  // namespace rempart::testing
