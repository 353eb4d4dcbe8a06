// The author of a petition proposed by the public runs it from their private link once it is
// published, against the real server and its Maildir: the campaign's figures, news to the
// signers who asked (written, previewed, tested, sent, one sending a day), the target's link
// and their answer, closing; every step audited, bad input beside its field, and never a
// signer's address on the page.
#include <regex>

#include "proposals_fixture.hpp"

namespace rempart::testing {
namespace {

using namespace std::chrono_literals;

// The mails whose decoded body holds `text`, and who they went to; bounded wait for `count`.
std::vector<std::string> recipients_of_text(const std::filesystem::path& maildir,
                                            const std::string& text, std::size_t count) {
    static const std::regex to("\r\nTo: ([^\r]+)\r\n");
    std::vector<std::string> found;
    for (int i = 0; i < 200 && found.size() < count; ++i) {
        if (i > 0) std::this_thread::sleep_for(100ms);
        found.clear();
        for (const auto& message : maildir_messages(maildir)) {
            std::smatch match;
            if (contains(decoded_body(message), text) && std::regex_search(message, match, to))
                found.push_back(match[1]);
        }
    }
    std::sort(found.begin(), found.end());
    return found;
}

class AuthorCampaign : public Proposals {
  protected:
    // A proposal approved by the moderator, with two confirmed signers who asked for news
    // and one who did not; its id and the author's link.
    void publish() {
        std::tie(id_, link_) = waiting_proposal("Ouvrir la piscine en août", author_, 1);
        ASSERT_TRUE(link_.starts_with("/p/")) << link_;
        ASSERT_EQ(step(moderator_, id_, "hold").status, 303u);
        ASSERT_EQ(step(moderator_, id_, "approve").status, 303u);
        ASSERT_EQ(store_value(server_, "SELECT state FROM petitions WHERE id = " + id_),
                  "published");
        ASSERT_EQ(store_exec(server_,
                             "INSERT INTO signatures (petition_id, state, name, name_normalised, "
                             "email, email_canonical, email_domain, public_name, language, "
                             "terms_version, privacy_version, accepted_at, ip, created_at, "
                             "confirmed_at, last_mail_at, updates_at) VALUES " +
                                 signer("ana", "100") + ", " + signer("bob", "100") + ", " +
                                 signer("cyd", "NULL")),
                  "");
    }
    std::string signer(const std::string& who, const std::string& updates_at) const {
        return "(" + id_ + ", 'confirmed', '" + who + "', '" + who + "', '" + who +
               "@signers.example', '" + who +
               "@signers.example', 'signers.example', 0, 'en', 't', 'p', 100, '192.0.2.1', 100, "
               "100, 100, " +
               updates_at + ")";
    }
    HttpResponse get(const std::string& target) {
        return http_get(server_.port(), target, {{"Accept-Language", "en"}});
    }
    HttpResponse post(const std::string& target, const Fields& fields) {
        return post_form(server_.port(), target, fields, {{"Accept-Language", "en"}});
    }
    HttpResponse write(const std::string& subject, const std::string& text,
                       const std::string& action = "save", const std::string& kind = "update") {
        return post(link_ + "/news",
                    {{"kind", kind}, {"subject", subject}, {"text", text}, {"action", action}});
    }

    const std::string author_ = "camille@example.org";
    std::string id_;
    std::string link_;
};

TEST_F(AuthorCampaign, TheAuthorWritesTestsAndSendsNewsToTheSignersWhoAskedOnceADay) {
    publish();
    auto page = get(link_);
    ASSERT_EQ(page.status, 200u);
    EXPECT_EQ(page.header("cache-control"), "no-store");
    EXPECT_TRUE(contains(page.body, "How your petition does"));
    EXPECT_TRUE(contains(page.body, "<dd class=\"campaign-confirmed\">3</dd>"));
    EXPECT_TRUE(contains(page.body, "Signers who asked to be kept informed: 2."));
    EXPECT_TRUE(contains(page.body, "<svg"));
    EXPECT_FALSE(contains(page.body, "signers.example")) << "a signer's address on the page";

    // Bad input comes back beside its field, with what was typed; nothing is written.
    auto answer = write("", "Le bassin ouvre <script>alert(1)</script> en juillet.");
    ASSERT_EQ(answer.status, 422u);
    EXPECT_TRUE(contains(answer.body, "Write a subject: it is the mail&apos;s subject line."));
    EXPECT_TRUE(contains(answer.body, "aria-invalid=\"true\""));
    EXPECT_TRUE(contains(answer.body, "Le bassin ouvre &lt;script&gt;alert(1)&lt;/script&gt;"));
    EXPECT_FALSE(contains(answer.body, "<script>alert(1)"));
    answer = write("Bonne nouvelle", "Texte", "save", "surprise");
    EXPECT_EQ(answer.status, 422u);
    EXPECT_TRUE(contains(answer.body, "Choose an update, the target&apos;s answer or a victory."));
    answer = post(link_ + "/news", {{"subject", "Caf\xe9"}, {"text", "x"}});
    EXPECT_EQ(answer.status, 422u);
    EXPECT_TRUE(contains(answer.body, "id=\"news-subject-error\""));
    EXPECT_TRUE(contains(answer.body, "value=\"Caf\xef\xbf\xbd\""));  // U+FFFD where the byte was
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM petition_news"), "0");

    // A preview shows the text as the signers will read it, and writes nothing.
    answer = write("Bonne nouvelle", "Le bassin ouvre **en juillet**.", "preview");
    ASSERT_EQ(answer.status, 200u);
    EXPECT_TRUE(contains(answer.body, "<strong>en juillet</strong>"));
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM petition_news"), "0");

    // Saved, twice by a double click: one draft.
    answer = write("Bonne nouvelle", "Le bassin ouvre **en juillet**.");
    ASSERT_EQ(answer.status, 303u) << answer.body;
    EXPECT_EQ(answer.header("location"), link_ + "?done=news_saved#news-1");
    EXPECT_EQ(write("Bonne nouvelle", "Le bassin ouvre **en juillet**.").status, 303u);
    EXPECT_EQ(store_value(server_,
                          "SELECT COUNT(*) || ' ' || author || ' ' || sending FROM "
                          "petition_news"),
              "1 author draft");
    page = get(link_ + "?done=news_saved");
    EXPECT_TRUE(contains(page.body, "Your news is saved as a draft"));

    // The test copy goes to the author alone.
    ASSERT_EQ(post(link_ + "/news/1/test", {}).status, 303u);
    EXPECT_EQ(recipients_of_text(maildir(), "Le bassin ouvre", 1),
              std::vector<std::string>{author_});
    EXPECT_EQ(post(link_ + "/news/9/test", {}).status, 404u);

    // Sent: the two signers who asked get it, the third does not.
    answer = post(link_ + "/news/1/send", {});
    ASSERT_EQ(answer.status, 303u) << answer.body;
    EXPECT_EQ(answer.header("location"), link_ + "?done=news_sending#news-1");
    EXPECT_EQ(recipients_of_text(maildir(), "Le bassin ouvre", 3),
              (std::vector<std::string>{"ana@signers.example", "bob@signers.example", author_}));
    EXPECT_EQ(post(link_ + "/news/1/send", {}).status, 409u);  // a second click sends nothing

    // A second sending the same day waits: the draft stays, the page says when.
    ASSERT_EQ(write("Encore", "Une autre nouvelle.").status, 303u);
    answer = post(link_ + "/news/2/send", {});
    EXPECT_EQ(answer.status, 429u);
    EXPECT_TRUE(contains(answer.body, "signers hear from you at most once a day"));
    EXPECT_TRUE(contains(answer.body, "you may send the next one in 24 h"));
    EXPECT_FALSE(contains(answer.body, "action=\"" + link_ + "/news/2/send\""));
    EXPECT_EQ(store_value(server_, "SELECT sending FROM petition_news WHERE number = 2"), "draft");

    // The moderators see who did it: the petition's author, never an account.
    EXPECT_EQ(store_value(server_,
                          "SELECT group_concat(action, ' ') FROM (SELECT action FROM "
                          "audit_log WHERE actor = 'author:" +
                              id_ + "' ORDER BY id)"),
              "news_written news_tested news_send news_written");
    const auto news_page = organiser_.get("/admin/petitions/" + id_ + "/updates");
    EXPECT_TRUE(contains(news_page.body, "the petition&apos;s author"));
}

TEST_F(AuthorCampaign, TheTargetAnswersThroughTheAuthorsLinkAndTheAuthorClosesThePetition) {
    publish();
    // No address for the target on a proposed petition: the link is shown once.
    auto answer = post(link_ + "/answer-link", {});
    ASSERT_EQ(answer.status, 200u);
    std::smatch match;
    ASSERT_TRUE(std::regex_search(answer.body, match, std::regex("/answer/[A-Za-z0-9_-]{43}")));
    const std::string target_link = match[0];
    EXPECT_FALSE(contains(get(link_).body, target_link));  // shown once: the store keeps a hash
    ASSERT_EQ(get(target_link).status, 200u);
    ASSERT_EQ(
        post(target_link, {{"subject", "La réponse du maire"}, {"text", "Le bassin ouvrira."}})
            .status,
        200u);
    // The author hears of it, with their own link, and may send it.
    const auto told = recipients_of_text(maildir(), link_ + "#news-1", 1);
    EXPECT_EQ(told, std::vector<std::string>{author_});
    EXPECT_TRUE(contains(get(link_).body, "written by the target"));
    ASSERT_EQ(post(link_ + "/news/1/send", {}).status, 303u);
    EXPECT_EQ(recipients_of_text(maildir(), "Le bassin ouvrira.", 2).size(), 2u);

    // Closing asks for the box; then the petition takes no more signatures.
    answer = post(link_ + "/close", {});
    ASSERT_EQ(answer.status, 422u);
    EXPECT_TRUE(contains(answer.body, "Tick the box to confirm that you want to close"));
    EXPECT_EQ(store_value(server_, "SELECT state FROM petitions WHERE id = " + id_), "published");
    answer = post(link_ + "/close", {{"confirm", "yes"}});
    ASSERT_EQ(answer.status, 303u);
    EXPECT_EQ(answer.header("location"), link_ + "?done=closed");
    EXPECT_EQ(store_value(server_, "SELECT state FROM petitions WHERE id = " + id_), "closed");
    const auto page = get(link_ + "?done=closed");
    EXPECT_TRUE(contains(page.body, "Your petition is closed"));
    EXPECT_FALSE(contains(page.body, "action=\"" + link_ + "/close\""));
    EXPECT_TRUE(contains(page.body, "action=\"" + link_ + "/news\""));  // news still go out
    EXPECT_EQ(post(link_ + "/close", {{"confirm", "yes"}}).status, 409u);
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM audit_log WHERE actor = 'author:" + id_ +
                                       "' AND action IN ('answer_link', 'petition_close')"),
              "2");
}

TEST_F(AuthorCampaign, OnlyThePublishedPetitionsCurrentLinkActs) {
    const auto [id, link] = waiting_proposal("Un banc devant la gare", "dom@example.org", 1);
    ASSERT_TRUE(link.starts_with("/p/")) << link;
    // Waiting for the moderators: no campaign yet.
    EXPECT_FALSE(contains(get(link).body, "How your petition does"));
    EXPECT_EQ(post(link + "/news", {{"subject", "x"}, {"text", "y"}, {"action", "save"}}).status,
              409u);
    EXPECT_EQ(post(link + "/close", {{"confirm", "yes"}}).status, 409u);
    EXPECT_EQ(post(link + "/answer-link", {}).status, 409u);
    // A forged or stale link opens nothing.
    const auto forged = "/p/" + id + "-00000000000000000000000000000000";
    EXPECT_EQ(post(forged + "/news", {{"subject", "x"}, {"text", "y"}}).status, 404u);
    EXPECT_EQ(post(forged + "/close", {{"confirm", "yes"}}).status, 404u);
    EXPECT_EQ(post("/p/nope/news/1/send", {}).status, 404u);
    // A page elsewhere cannot make the author's browser act.
    EXPECT_EQ(post_form(server_.port(), link + "/close", {{"confirm", "yes"}},
                        {{"Origin", "https://evil.example"}})
                  .status,
              403u);
    EXPECT_EQ(store_value(server_, "SELECT state FROM petitions WHERE id = " + id), "pending");
}

}  // namespace
}  // namespace rempart::testing
