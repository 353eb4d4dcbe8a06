// Supporters before the queue, through HTTP and the Maildir: with [submissions]
// supporters_needed, a confirmed proposal waits for supporters who confirm by mail, and
// the last one needed puts it in the moderators' queue and tells its author.
#include "proposals_fixture.hpp"

namespace rempart::testing {
namespace {

// The path after the host of the first link in `text` that starts with `prefix`.
std::string path_after(const std::string& text, const std::string& prefix) {
    const auto at = text.find(prefix);
    if (at == std::string::npos) return {};
    auto end = at + prefix.size();
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) ||
                                 text[end] == '-' || text[end] == '_'))
        ++end;
    return text.substr(at, end - at);
}

class ProposalSupporters : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto once = add_account(server_, "mo@example.org", "moderator");
        server_.start();
        ASSERT_EQ(moderator_.first_log_in("mo@example.org", once, chosen_password).status, 303u);
    }

    std::filesystem::path maildir() const { return server_.dir() / "data" / "mail"; }

    // Each supporter from a home of their own, as real ones are: one address gets a few.
    HttpResponse support(const std::string& link, const std::string& name, const std::string& email,
                         bool terms = true) {
        ++supporter_;
        Fields fields{
            {"name", name}, {"email", email}, {"altcha", solve_altcha(server_.port(), "~support")}};
        if (terms) fields.emplace_back("accept_terms", "1");
        return post_form(server_.port(), link, fields,
                         {{"Accept-Language", "en"},
                          {"X-Forwarded-For", "198.51.100." + std::to_string(supporter_)}});
    }

    HttpResponse get(const std::string& target) {
        return http_get(server_.port(), target, {{"Accept-Language", "en"}});
    }

    ServerProcess server_{
        "[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n"
        "[submissions]\nopen = true\nsupporters_needed = 2\n"};
    AdminBrowser moderator_{server_.port()};
    int supporter_ = 0;
};

TEST_F(ProposalSupporters, TheLastSupporterNeededPutsTheProposalInTheQueue) {
    const auto port = server_.port();
    ASSERT_EQ(
        post_form(port, "/propose", proposal(port, "Un banc devant l'école", "camille@example.org"))
            .status,
        303u);
    auto mails = wait_for_mails(maildir(), 1);
    ASSERT_EQ(mails.size(), 1u);
    const auto author = author_link(mails[0]);
    ASSERT_EQ(post_form(port, author + "/confirm", {}).status, 303u);

    // Confirmed, it gathers supporters first: not in the queue yet.
    auto page = get(author);
    ASSERT_EQ(page.status, 200u);
    EXPECT_TRUE(contains(page.body, "now needs supporters"));
    EXPECT_TRUE(contains(page.body, "0 of the 2 supporters needed"));
    EXPECT_FALSE(contains(page.body, "id=\"edit-title\""));  // what they support stays put
    const auto link = path_after(page.body, "/support/");
    ASSERT_FALSE(link.empty()) << page.body;
    EXPECT_TRUE(contains(moderator_.get("/admin/moderation").body, "0 waiting"));

    // The supporter reads the proposal and the form.
    page = get(link);
    ASSERT_EQ(page.status, 200u);
    EXPECT_TRUE(contains(page.body, "Un banc devant l"));
    EXPECT_TRUE(contains(page.body, "<strong>faits</strong>"));
    EXPECT_EQ(page.header("cache-control").find("no-store") != std::string::npos, true);

    // Bad input comes back beside its fields, with what was typed.
    auto answer = support(link, "", "pas-une-adresse", false);
    ASSERT_EQ(answer.status, 422u);
    EXPECT_TRUE(contains(answer.body, "value=\"pas-une-adresse\""));
    EXPECT_TRUE(contains(answer.body, "name-error"));
    EXPECT_TRUE(contains(answer.body, "email-error"));
    EXPECT_TRUE(contains(answer.body, "accept_terms-error"));

    // The author does not support their own proposal; the answer is the same.
    answer = support(link, "Camille Martin", "camille@example.org");
    ASSERT_EQ(answer.status, 303u);
    EXPECT_EQ(answer.header("location"), "/support/sent");

    // A first supporter, twice: one support, one mail.
    ASSERT_EQ(support(link, "Ali Ben", "ali@example.org").status, 303u);
    ASSERT_EQ(support(link, "Ali Ben", "Ali@Example.org").status, 303u);
    mails = wait_for_mails(maildir(), 2);
    ASSERT_EQ(mails.size(), 2u);
    EXPECT_TRUE(contains(mails[1], "To: ali@example.org"));
    const auto confirm = path_after(decoded_body(mails[1]), "/support/confirm/");
    ASSERT_FALSE(confirm.empty());
    EXPECT_EQ(get(confirm).status, 200u);  // a button: a mail scanner's GET confirms nothing
    EXPECT_EQ(store_value(server_,
                          "SELECT COUNT(*) FROM proposal_supporters WHERE confirmed_at "
                          "IS NOT NULL"),
              "0");
    answer = post_form(port, confirm, {}, {{"Accept-Language", "en"}});
    ASSERT_EQ(answer.status, 200u);
    EXPECT_TRUE(contains(answer.body, "Your support is confirmed."));
    EXPECT_TRUE(contains(get(author).body, "1 of the 2 supporters needed"));

    // The second one needed: in the queue, and the author told.
    ASSERT_EQ(support(link, "Bea Roux", "bea@example.org").status, 303u);
    mails = wait_for_mails(maildir(), 3);
    ASSERT_EQ(mails.size(), 3u);
    answer = post_form(port, path_after(decoded_body(mails[2]), "/support/confirm/"), {},
                       {{"Accept-Language", "en"}});
    EXPECT_TRUE(contains(answer.body, "the last one needed"));
    mails = wait_for_mails(maildir(), 4);
    ASSERT_EQ(mails.size(), 4u);
    EXPECT_TRUE(contains(mails[3], "To: camille@example.org"));
    EXPECT_TRUE(contains(decoded_body(mails[3]), "ont confirmé"));  // in the proposal's language
    const auto queue = moderator_.get("/admin/moderation");
    EXPECT_TRUE(contains(queue.body, "Un banc devant"));
    EXPECT_TRUE(contains(queue.body, "1 waiting"));
    EXPECT_TRUE(contains(get(author).body, "Waiting for a moderator"));

    // Nothing left for a supporter to do.
    EXPECT_EQ(get(link).status, 410u);
    EXPECT_EQ(support(link, "Chloé", "chloe@example.org").status, 410u);
}

TEST_F(ProposalSupporters, ForgedLinksAndTheProposalsOfAnotherAreRefused) {
    const auto port = server_.port();
    ASSERT_EQ(
        post_form(port, "/propose", proposal(port, "Une piste cyclable", "a@example.org")).status,
        303u);
    const auto mails = wait_for_mails(maildir(), 1);
    ASSERT_EQ(mails.size(), 1u);
    const auto author = author_link(mails[0]);
    // Not confirmed by its author: no supporter yet, and the support link is not shown.
    EXPECT_FALSE(contains(get(author).body, "/support/"));
    const auto id = store_value(server_, "SELECT id FROM petitions");
    EXPECT_EQ(get("/support/" + id + "-00000000000000000000000000000000").status, 404u);
    EXPECT_EQ(get("/support/" + id).status, 404u);
    // The author's own link opens nothing here, nor the reverse.
    EXPECT_EQ(get("/support" + author.substr(2)).status, 404u);
    EXPECT_EQ(post_form(port, "/support/confirm/nope", {}).status, 404u);
    EXPECT_EQ(post_form(port, "/support/confirm/" + std::string(43, 'A'), {}).status, 404u);
}

}  // namespace
}  // namespace rempart::testing
