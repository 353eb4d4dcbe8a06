// News to the signers against the real server: an organiser writes, previews, tests and
// sends an update; only confirmed signers who asked get it, each with their own one-click
// unsubscribe link (RFC 8058) that works; a sending paused holds, survives a restart and
// finishes once; a victory shows on the page; bad input, roles and CSRF hold.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <regex>
#include <thread>

#include "client/http_client.hpp"
#include "client/signing_client.hpp"
#include "support/admin_browser.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

using namespace std::chrono_literals;

// The mails in the Maildir whose subject is `subject` (plain ASCII in these tests).
std::vector<std::string> mails_titled(const std::filesystem::path& maildir,
                                      const std::string& subject) {
    std::vector<std::string> found;
    for (const auto& message : maildir_messages(maildir))
        if (message.find("\r\nSubject: " + subject + "\r\n") != std::string::npos)
            found.push_back(message);
    return found;
}

// Waits (bounded) until `count` mails titled `subject` are there.
std::vector<std::string> wait_for_titled(const std::filesystem::path& maildir,
                                         const std::string& subject, std::size_t count,
                                         std::chrono::milliseconds timeout = 20s) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    auto found = mails_titled(maildir, subject);
    while (found.size() < count && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(100ms);
        found = mails_titled(maildir, subject);
    }
    return found;
}

std::string recipient_of(const std::string& message) {
    static const std::regex to("\r\nTo: ([^\r]+)\r\n");
    std::smatch match;
    return std::regex_search(message, match, to) ? std::string(match[1]) : std::string();
}

// The List-Unsubscribe URL of a message, folded or not.
std::string unsubscribe_url(const std::string& message) {
    static const std::regex header("\r\nList-Unsubscribe:(?:\r\n)? <([^>]+)>\r\n");
    std::smatch match;
    return std::regex_search(message, match, header) ? std::string(match[1]) : std::string();
}

std::string path_of(const std::string& url) {
    const auto start = url.find("/u/");
    return start == std::string::npos ? std::string() : url.substr(start);
}

class NewsToSigners : public ::testing::Test {
  protected:
    void SetUp() override {
        server_.create_petition("velo", "Des pistes cyclables");
        const auto organiser_password = add_account(server_, "olga@example.org", "organiser");
        moderator_password_ = add_account(server_, "mod@example.org", "moderator");
        server_.start();
        ASSERT_EQ(
            organiser_.first_log_in("olga@example.org", organiser_password, chosen_password).status,
            303u);
        id_ = store_value(server_, "SELECT id FROM petitions WHERE slug = 'velo'");
        base_ = "/admin/petitions/" + id_ + "/updates";
        csrf_ = organiser_.csrf_of(base_);
    }
    HttpResponse write(const std::string& subject, const std::string& text,
                       const std::string& kind = "update", const std::string& action = "save") {
        return organiser_.post(base_, {{"csrf", csrf_},
                                       {"kind", kind},
                                       {"subject", subject},
                                       {"text", text},
                                       {"action", action}});
    }
    HttpResponse act(int number, const std::string& step) {
        return organiser_.post(base_ + "/" + std::to_string(number) + "/" + step,
                               {{"csrf", csrf_}});
    }
    // Confirmed signers who asked to be kept informed, straight into the store.
    void add_informed_signers(int count) {
        ASSERT_EQ(store_exec(server_,
                             "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                             "WHERE i < " +
                                 std::to_string(count) +
                                 ") INSERT INTO signatures (petition_id, state, name, "
                                 "name_normalised, email, email_canonical, email_domain, "
                                 "public_name, language, terms_version, privacy_version, "
                                 "accepted_at, ip, created_at, confirmed_at, last_mail_at, "
                                 "updates_at) SELECT " +
                                 id_ +
                                 ", 'confirmed', 'Signer ' || i, 'signer ' || i, 'signer' || i || "
                                 "'@example.org', 'signer' || i || '@example.org', 'example.org', "
                                 "0, 'en', 't', 'p', 100, '192.0.2.1', 100, 100, 100, 100 FROM n"),
                  "");
    }
    std::filesystem::path maildir() const { return server_.dir() / "data" / "mail"; }

    ServerProcess server_{"[mail]\nnews_per_minute = 600\n"};
    AdminBrowser organiser_{server_.port()};
    std::string moderator_password_;
    std::string id_;
    std::string base_;
    std::string csrf_;
};

TEST_F(NewsToSigners, AnUpdateReachesOnlyTheSignersWhoAskedAndEachLeavesInOneClick) {
    const auto port = server_.port();
    // Camille asks to be kept informed; Léa does not; Noé asks but never confirms.
    ASSERT_EQ(
        post_form(port, "/petitions/velo/sign",
                  signing_fields(port, "Camille Martin", "camille@example.org", {{"updates", "1"}}))
            .status,
        303u);
    ASSERT_EQ(
        post_form(port, "/petitions/velo/sign", signing_fields(port, "Léa Roux", "lea@example.org"))
            .status,
        303u);
    ASSERT_EQ(post_form(port, "/petitions/velo/sign",
                        signing_fields(port, "Noé Petit", "noe@example.org", {{"updates", "1"}}))
                  .status,
              303u);
    for (const auto& mail : wait_for_mails(maildir(), 3))
        if (mail.find("To: noe@example.org") == std::string::npos) {
            ASSERT_EQ(post_form(port, "/s/" + link_token(confirmation_link(mail)) + "/confirm", {})
                          .status,
                      303u);
        }

    const auto page = organiser_.get(base_);
    ASSERT_EQ(page.status, 200u);
    EXPECT_NE(page.body.find("<strong>1</strong>"), std::string::npos) << page.body;

    // Bad input: each error beside its field, what was typed kept, nothing saved.
    const auto empty = write("  ", "Nous avons été reçus.");
    EXPECT_EQ(empty.status, 422u);
    EXPECT_NE(empty.body.find("Write a subject: it is the mail"), std::string::npos)
        << empty.body.substr(empty.body.find("role=\"alert\""), 400);
    EXPECT_NE(empty.body.find("Nous avons été reçus.</textarea>"), std::string::npos);
    EXPECT_EQ(write("Received", "text", "newsletter").status, 422u);
    EXPECT_EQ(write("Received", "").status, 422u);
    // Preview: rendered by the public page's safe renderer, nothing saved.
    const auto preview =
        write("Received at the town hall", "We were **received**.\n\n<script>alert(1)</script>",
              "update", "preview");
    ASSERT_EQ(preview.status, 200u);
    EXPECT_NE(preview.body.find("<strong>received</strong>"), std::string::npos);
    EXPECT_EQ(preview.body.find("<script>alert(1)"), std::string::npos);
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM petition_news"), "0");

    // Saved as a draft; a double click saves it once.
    const auto text = std::string("We were **received** by the mayor.\n\nNext step: the council.");
    const auto saved = write("Received at the town hall", text);
    ASSERT_EQ(saved.status, 303u);
    EXPECT_EQ(saved.header("Location"), base_ + "?done=saved#news-1");
    EXPECT_EQ(write("Received at the town hall", text).status, 303u);
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM petition_news"), "1");
    EXPECT_EQ(http_get(port, "/petitions/velo").body.find("Received at the town hall"),
              std::string::npos);

    // A test to the organiser's own address, as the signers will read it.
    ASSERT_EQ(act(1, "test").status, 303u);
    const auto tests = wait_for_titled(maildir(), "[Essai] Received at the town hall", 1);
    ASSERT_EQ(tests.size(), 1u);
    EXPECT_EQ(recipient_of(tests[0]), "olga@example.org");
    EXPECT_EQ(path_of(unsubscribe_url(tests[0])), "/u/test");
    EXPECT_NE(http_get(port, "/u/test", {{"Accept-Language", "en"}}).body.find("test mail"),
              std::string::npos);

    // Sent: to Camille alone, once; a second click sends nothing.
    ASSERT_EQ(act(1, "send").status, 303u);
    const auto again = act(1, "send");
    EXPECT_EQ(again.status, 409u);
    EXPECT_NE(again.body.find("nothing goes twice"), std::string::npos);
    const auto sent = wait_for_titled(maildir(), "Received at the town hall", 1);
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(recipient_of(sent[0]), "camille@example.org");
    EXPECT_NE(sent[0].find("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"),
              std::string::npos);
    const auto body = decoded_body(sent[0]);
    EXPECT_NE(body.find("Next step: the council."), std::string::npos);
    EXPECT_NE(body.find("<strong>received</strong>"), std::string::npos);
    EXPECT_NE(body.find("/petitions/velo#news-1"), std::string::npos);
    const auto link = path_of(unsubscribe_url(sent[0]));
    ASSERT_TRUE(std::regex_match(link, std::regex("/u/[0-9]+-[0-9a-f]{32}"))) << link;
    EXPECT_NE(body.find(link), std::string::npos);
    std::this_thread::sleep_for(1s);
    EXPECT_EQ(mails_titled(maildir(), "Received at the town hall").size(), 1u);

    // The progress, and the news on the petition's page.
    const auto progress = organiser_.get(base_);
    EXPECT_NE(progress.body.find("1 of 1 mails delivered (100 %)"), std::string::npos)
        << progress.body;
    std::string shown;
    for (int i = 0; i < 50 && shown.find("Received at the town hall") == std::string::npos; ++i) {
        std::this_thread::sleep_for(100ms);
        shown = http_get(port, "/petitions/velo", {{"Accept-Language", "en"}}).body;
    }
    EXPECT_NE(shown.find("<article id=\"news-1\" class=\"news-update\">"), std::string::npos);
    EXPECT_NE(shown.find("<strong>received</strong> by the mayor"), std::string::npos);

    // The link's page changes nothing by itself (mail scanners follow links).
    const auto landing = http_get(port, link, {{"Accept-Language", "en"}});
    ASSERT_EQ(landing.status, 200u);
    EXPECT_EQ(landing.header("Cache-Control"), "no-store");
    EXPECT_NE(landing.body.find("Receive no more news"), std::string::npos);
    EXPECT_EQ(store_value(server_,
                          "SELECT COUNT(*) FROM signatures WHERE updates_left_at IS "
                          "NOT NULL"),
              "0");
    // The mail program's one click: no Origin, no cookie, the RFC 8058 body.
    const auto left =
        post_form(port, link, {{"List-Unsubscribe", "One-Click"}}, {{"Accept-Language", "en"}});
    ASSERT_EQ(left.status, 200u);
    EXPECT_NE(left.body.find("you will receive no more news"), std::string::npos);
    EXPECT_EQ(store_value(server_,
                          "SELECT COUNT(*) FROM signatures WHERE updates_left_at IS "
                          "NOT NULL AND email = 'camille@example.org'"),
              "1");
    EXPECT_TRUE(server_.log_contains("NEWS_LEFT"));
    EXPECT_NE(http_get(port, link, {{"Accept-Language", "en"}})
                  .body.find("You receive no news about this petition."),
              std::string::npos);
    // Her signature still counts.
    EXPECT_EQ(api_signature_count(port, "velo"), 2);

    // Links the server did not make, and a post from another site.
    auto forged = link;
    forged.back() = forged.back() == '0' ? '1' : '0';
    for (const auto& bad : {forged, std::string("/u/1-00"), std::string("/u/junk")}) {
        EXPECT_EQ(http_get(port, bad).status, 404u) << bad;
        EXPECT_EQ(post_form(port, bad, {}).status, 404u) << bad;
    }
    EXPECT_EQ(post_form(port, link, {}, {{"Origin", "https://evil.example"}}).status, 403u);

    // Nobody left to tell: the next news stays a draft, and says why.
    ASSERT_EQ(write("Second", "Another step.").status, 303u);
    const auto nobody = act(2, "send");
    EXPECT_EQ(nobody.status, 422u);
    EXPECT_NE(nobody.body.find("No confirmed signer asked to be kept informed yet"),
              std::string::npos);
    EXPECT_EQ(store_value(server_, "SELECT sending FROM petition_news WHERE number = 2"), "draft");
}

TEST_F(NewsToSigners, APausedSendingHoldsSurvivesARestartAndFinishesOnce) {
    add_informed_signers(40);
    ASSERT_EQ(write("Paced", "A news for forty.").status, 303u);
    ASSERT_EQ(act(1, "send").status, 303u);
    ASSERT_EQ(act(1, "pause").status, 303u);
    EXPECT_EQ(act(1, "pause").status, 409u);
    // What was handed to the outbox before the pause still goes; nothing more.
    std::this_thread::sleep_for(1500ms);
    const auto held = mails_titled(maildir(), "Paced").size();
    std::this_thread::sleep_for(1500ms);
    EXPECT_EQ(mails_titled(maildir(), "Paced").size(), held);
    EXPECT_LT(held, 40u);
    const auto paused = organiser_.get(base_);
    EXPECT_NE(paused.body.find("Resume the sending"), std::string::npos);
    EXPECT_NE(paused.body.find("of 40 mails delivered"), std::string::npos);

    // Restarted while paused: still paused, the progress kept; resumed, it finishes.
    ASSERT_EQ(server_.stop(), 0);
    server_.start();
    std::this_thread::sleep_for(1s);
    EXPECT_EQ(mails_titled(maildir(), "Paced").size(), held);
    ASSERT_EQ(organiser_.log_in("olga@example.org", chosen_password).status, 303u);
    csrf_ = organiser_.csrf_of(base_);
    EXPECT_NE(organiser_.get(base_).body.find("Resume the sending"), std::string::npos);
    ASSERT_EQ(act(1, "resume").status, 303u);
    const auto all = wait_for_titled(maildir(), "Paced", 40);
    ASSERT_EQ(all.size(), 40u);
    std::vector<std::string> to;
    for (const auto& mail : all) to.push_back(recipient_of(mail));
    std::sort(to.begin(), to.end());
    EXPECT_EQ(std::unique(to.begin(), to.end()), to.end());
    std::this_thread::sleep_for(1s);
    EXPECT_EQ(mails_titled(maildir(), "Paced").size(), 40u);
    EXPECT_EQ(store_value(server_, "SELECT sending FROM petition_news WHERE number = 1"), "sent");
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'news_%'"),
              "4");  // written, sent, paused, resumed
}

TEST_F(NewsToSigners, AVictoryShowsOnThePageOnceAndOnlyOrganisersSendNews) {
    add_informed_signers(2);
    ASSERT_EQ(write("We won", "The council voted **yes**.", "victory").status, 303u);
    // A moderator reads the news but sends nothing; a post without the token is refused.
    AdminBrowser moderator(server_.port());
    ASSERT_EQ(
        moderator.first_log_in("mod@example.org", moderator_password_, chosen_password).status,
        303u);
    EXPECT_EQ(moderator.get(base_).status, 200u);
    const auto token = moderator.csrf_of(base_);
    EXPECT_EQ(moderator.post(base_ + "/1/send", {{"csrf", token}}).status, 403u);
    EXPECT_EQ(organiser_.post(base_ + "/1/send", {}).status, 403u);
    EXPECT_EQ(store_value(server_, "SELECT sending FROM petition_news"), "draft");

    ASSERT_EQ(act(1, "send").status, 303u);
    EXPECT_EQ(wait_for_titled(maildir(), "We won", 2).size(), 2u);
    std::string page;
    for (int i = 0; i < 50 && page.find("Victory! This petition has won.") == std::string::npos;
         ++i) {
        std::this_thread::sleep_for(100ms);
        page = http_get(server_.port(), "/petitions/velo", {{"Accept-Language", "en"}}).body;
    }
    EXPECT_NE(page.find("Victory! This petition has won."), std::string::npos);
    EXPECT_NE(page.find("class=\"news-victory\""), std::string::npos);
    // Won once: the form no longer offers a victory, and refuses one.
    EXPECT_EQ(organiser_.get(base_).body.find("<option value=\"victory\""), std::string::npos);
    const auto twice = write("We won again", "Twice?", "victory");
    EXPECT_EQ(twice.status, 422u);
    EXPECT_NE(twice.body.find("marked won already"), std::string::npos);
}

TEST_F(NewsToSigners, TheTargetAnswersThroughAPrivateLinkAndTheOrganiserSendsIt) {
    add_informed_signers(3);
    ASSERT_EQ(store_exec(server_,
                         "UPDATE petitions SET target_name = 'Grégory Doucet', "
                         "target_email = 'maire@lyon.example' WHERE slug = 'velo'"),
              "");
    const auto asked =
        organiser_.post("/admin/petitions/" + id_ + "/answer-link", {{"csrf", csrf_}});
    ASSERT_EQ(asked.status, 200u) << asked.body;
    EXPECT_NE(asked.body.find("A private link was mailed to maire@lyon.example"),
              std::string::npos);
    std::string link;
    for (int i = 0; i < 100 && link.empty(); ++i) {
        for (const auto& message : maildir_messages(maildir()))
            if (recipient_of(message) == "maire@lyon.example") {
                std::smatch match;
                const auto body = decoded_body(message);
                if (std::regex_search(body, match, std::regex("/answer/[A-Za-z0-9_-]{43}")))
                    link = match[0];
            }
        if (link.empty()) std::this_thread::sleep_for(100ms);
    }
    ASSERT_FALSE(link.empty());
    const auto port = server_.port();
    const auto page = http_get(port, link, {{"Accept-Language", "en"}});
    ASSERT_EQ(page.status, 200u);
    EXPECT_EQ(page.header("X-Robots-Tag"), "noindex, nofollow");
    EXPECT_EQ(page.header("Cache-Control"), "no-store");
    EXPECT_EQ(input_value(page.body, "subject"), "The answer of Grégory Doucet");
    EXPECT_NE(page.body.find("3 people signed this petition"), std::string::npos);

    const auto empty = post_form(port, link, {{"subject", "Ma réponse"}, {"text", " "}},
                                 {{"Accept-Language", "en"}});
    EXPECT_EQ(empty.status, 422u);
    EXPECT_NE(empty.body.find("Write the text the signers will read."), std::string::npos);
    EXPECT_EQ(input_value(empty.body, "subject"), "Ma réponse");
    const auto answered = post_form(
        port, link, {{"subject", "Ma réponse"}, {"text", "Les travaux commencent en **mars**."}},
        {{"Accept-Language", "en"}});
    ASSERT_EQ(answered.status, 200u);
    EXPECT_NE(answered.body.find("your answer was handed to the petition"), std::string::npos);
    // The link served once; the answer waits as a draft for the organisers.
    EXPECT_EQ(http_get(port, link).status, 404u);
    EXPECT_EQ(post_form(port, link, {{"subject", "Encore"}, {"text", "Encore"}}).status, 404u);
    EXPECT_EQ(store_value(server_,
                          "SELECT kind || ' ' || author || ' ' || sending FROM "
                          "petition_news"),
              "answer target draft");
    bool told = false;
    for (int i = 0; i < 100 && !told; ++i) {
        for (const auto& message : maildir_messages(maildir()))
            if (recipient_of(message) == "olga@example.org" &&
                decoded_body(message).find("par son lien priv") != std::string::npos)
                told = true;
        if (!told) std::this_thread::sleep_for(100ms);
    }
    EXPECT_TRUE(told) << "the organisers were not told of the answer";

    ASSERT_EQ(act(1, "send").status, 303u);
    std::size_t to_signers = 0;
    for (int i = 0; i < 100 && to_signers < 3; ++i) {
        to_signers = 0;
        for (const auto& message : maildir_messages(maildir()))
            if (recipient_of(message).starts_with("signer") &&
                decoded_body(message).find("Les travaux commencent") != std::string::npos)
                ++to_signers;
        if (to_signers < 3) std::this_thread::sleep_for(100ms);
    }
    EXPECT_EQ(to_signers, 3u);
    std::string shown;
    for (int i = 0; i < 50 && shown.find("The answer of Grégory Doucet") == std::string::npos;
         ++i) {
        std::this_thread::sleep_for(100ms);
        shown = http_get(port, "/petitions/velo", {{"Accept-Language", "en"}}).body;
    }
    EXPECT_NE(shown.find("The answer of Grégory Doucet"), std::string::npos);
    EXPECT_NE(shown.find("<strong>mars</strong>"), std::string::npos);

    // Without the target's e-mail the link is shown once; a new one stops the old one.
    ASSERT_EQ(store_exec(server_, "UPDATE petitions SET target_email = '' WHERE slug = 'velo'"),
              "");
    static const std::regex shown_link("/answer/[A-Za-z0-9_-]{43}");
    std::smatch match;
    const auto first =
        organiser_.post("/admin/petitions/" + id_ + "/answer-link", {{"csrf", csrf_}});
    ASSERT_TRUE(std::regex_search(first.body, match, shown_link)) << first.body;
    const std::string first_link = match[0];
    EXPECT_EQ(http_get(port, first_link).status, 200u);
    const auto second =
        organiser_.post("/admin/petitions/" + id_ + "/answer-link", {{"csrf", csrf_}});
    ASSERT_TRUE(std::regex_search(second.body, match, shown_link));
    EXPECT_NE(match[0], first_link);
    EXPECT_EQ(http_get(port, first_link).status, 404u);
    EXPECT_EQ(http_get(port, "/answer/not-a-token").status, 404u);
}

}  // namespace
}  // namespace rempart::testing
