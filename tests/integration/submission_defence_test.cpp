// The defence watching proposals and reports against the real server: a scripted flood of
// either is set aside out of the moderators' queue, with its incident and evidence, and a
// moderator gives it back or throws it out; a crowd doing the same from home browsers is
// never set aside; the reported petition's signatures are never touched.
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <sstream>

#include "proposals_fixture.hpp"

namespace rempart::testing {
namespace {

const std::string firefox =
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

// Three networks in three wide ones, so that the per-network limits let a small flood in.
std::string flood_address(int i) {
    static const char* networks[] = {"203.0.113.", "192.0.2.", "198.18.0."};
    return networks[i % 3] + std::to_string(10 + i);
}

// A home connection of its own for each member of a crowd.
std::string crowd_address(int i) {
    return std::to_string(80 + i % 6) + "." + std::to_string(10 + i) + ".7." +
           std::to_string(20 + i);
}

class SubmissionDefence : public ::testing::Test {
  protected:
    void SetUp() override {
        server_.create_petition("parc", "Sauvons le parc");
        const auto once = add_account(server_, "mo@example.org", "moderator");
        server_.start();
        ASSERT_EQ(moderator_.first_log_in("mo@example.org", once, chosen_password).status, 303u);
    }

    std::filesystem::path maildir() const { return server_.dir() / "data" / "mail"; }

    HttpResponse propose(const std::string& title, const std::string& author,
                         const std::string& email, const std::string& ip,
                         const std::string& agent = "") {
        Headers headers{{"X-Forwarded-For", ip}};
        if (!agent.empty()) headers.emplace_back("User-Agent", agent);
        return post_form(server_.port(), "/propose",
                         proposal(server_.port(), title, email, {{"author_name", author}}),
                         headers);
    }

    HttpResponse report(const std::string& reason, const std::string& ip,
                        const std::string& agent = "") {
        Headers headers{{"X-Forwarded-For", ip}};
        if (!agent.empty()) headers.emplace_back("User-Agent", agent);
        return post_form(server_.port(), "/petitions/parc/report",
                         {{"reason", reason}, {"altcha", solve_altcha(server_.port(), "~report")}},
                         headers);
    }

    // Every author's link in the Maildir confirmed, as a script reading its mailboxes does.
    void confirm_every_proposal(std::size_t mails) {
        for (const auto& mail : wait_for_mails(maildir(), mails))
            if (const auto link = author_link(mail); !link.empty())
                post_form(server_.port(), link + "/confirm", {});
    }

    std::string count(const std::string& sql) { return store_value(server_, sql); }

    // A moderator's word on every cluster of the incident.
    void decide_every_cluster(const std::string& incident, const std::string& decision) {
        const auto page = "/admin/incidents/" + incident;
        const auto ids = store_value(
            server_,
            "SELECT group_concat(id) FROM incident_clusters WHERE incident_id = " + incident);
        std::stringstream list(ids);
        for (std::string id; std::getline(list, id, ',');) {
            const auto done = moderator_.post(page + "/clusters/" + id + "/" + decision,
                                              {{"csrf", moderator_.csrf_of(page)}});
            EXPECT_EQ(done.status, 303u) << done.body;
        }
    }

    ServerProcess server_{
        "[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n"
        "[shield]\npow_max_number = 50\n"
        "[submissions]\nopen = true\n"
        "[site]\ndefault_language = \"en\"\n"
        "[mail]\nadmin_alerts_to = [\"admin@example.org\"]\n"};
    AdminBrowser moderator_{server_.port()};
};

TEST_F(SubmissionDefence, AScriptedFloodOfProposalsIsSetAsideUntilAModeratorGivesItBack) {
    ASSERT_EQ(propose("Des bancs au parc de la Tête d'Or", "Camille Martin", "camille@example.org",
                      "198.51.100.7", firefox)
                  .status,
              303u);
    int accepted = 0;
    for (int i = 0; i < 14; ++i) {
        const auto answer =
            propose("Stop au projet de parking", "Agent " + std::to_string(i),
                    "bot" + std::to_string(i) + "@mail" + std::to_string(i % 5) + ".example",
                    flood_address(i));
        // Refused only once its networks are banned; a proposal set aside is answered as
        // any other, so the script learns nothing.
        ASSERT_TRUE(answer.status == 303u || answer.status == 429u) << answer.status;
        if (answer.status == 303u) ++accepted;
    }
    ASSERT_GE(accepted, 10);
    // Each of them got its link, and the admins their alert.
    confirm_every_proposal(static_cast<std::size_t>(accepted) + 2);

    EXPECT_EQ(count("SELECT COUNT(*) FROM incidents WHERE subject = 'proposals' AND "
                    "petition_id IS NULL"),
              "1");
    EXPECT_EQ(count("SELECT COUNT(*) FROM incidents WHERE subject != 'proposals'"), "0");
    EXPECT_EQ(count("SELECT COUNT(*) FROM submissions WHERE set_aside = 1"),
              std::to_string(accepted));
    EXPECT_EQ(count("SELECT set_aside FROM submissions s JOIN petitions p ON p.id = "
                    "s.petition_id WHERE p.title LIKE 'Des bancs%'"),
              "0");
    EXPECT_EQ(count("SELECT COUNT(*) FROM submission_events WHERE kind = 'proposal' AND "
                    "verdict = 'quarantined'"),
              std::to_string(accepted - 9));  // the tenth acted; the first nine were accepted
    bool alerted = false;
    for (const auto& mail : maildir_messages(maildir()))
        if (contains(mail, "To: admin@example.org")) {
            alerted = true;
            const auto body = decoded_body(mail);
            EXPECT_TRUE(contains(body, "petitions proposed on the site that look scripted"))
                << body;
            EXPECT_TRUE(contains(body, "out of the moderation queue")) << body;
        }
    EXPECT_TRUE(alerted);

    // The queue shows the real proposal only, and says what the defence holds.
    auto queue = moderator_.get("/admin/moderation", {{"Accept-Language", "en"}});
    ASSERT_EQ(queue.status, 200u);
    EXPECT_TRUE(contains(queue.body, "Des bancs au parc"));
    EXPECT_FALSE(contains(queue.body, "Stop au projet de parking"));
    EXPECT_TRUE(contains(queue.body, "1 waiting")) << queue.body;
    EXPECT_TRUE(contains(queue.body, "The defence set aside " + std::to_string(accepted) +
                                         " proposals and 0 reports"))
        << queue.body;

    // The incident names no petition, shows the proposals and why it acted.
    const auto incident = moderator_.get("/admin/incidents/1", {{"Accept-Language", "en"}});
    ASSERT_EQ(incident.status, 200u);
    EXPECT_TRUE(contains(incident.body, "Petitions proposed by the public"));
    EXPECT_TRUE(contains(incident.body, "Stop au projet de parking"));
    EXPECT_TRUE(contains(incident.body, "Agent 0"));
    EXPECT_TRUE(contains(incident.body, "The earliest proposals it set aside"));
    EXPECT_FALSE(contains(incident.body, "/admin/invalidate?petition="));

    // Its evidence covers the proposals.
    const auto evidence = moderator_.get("/admin/incidents/1/evidence/json");
    ASSERT_EQ(evidence.status, 200u);
    const auto root = boost::json::parse(evidence.body).as_object();
    EXPECT_EQ(root.at("incident").at("subject").as_string(), "proposals");
    EXPECT_TRUE(root.at("incident").at("petition").is_null());
    EXPECT_EQ(root.at("summary").at("signatures_by_state").at("set_aside").as_int64(), accepted);
    EXPECT_GE(root.at("summary").at("events").as_int64(), accepted);

    // Real after all: given back, they wait in the queue with the time they waited.
    decide_every_cluster("1", "release");
    EXPECT_EQ(count("SELECT COUNT(*) FROM submissions WHERE set_aside = 1"), "0");
    queue = moderator_.get("/admin/moderation", {{"Accept-Language", "en"}});
    EXPECT_TRUE(contains(queue.body, "Stop au projet de parking"));
    EXPECT_TRUE(contains(queue.body, std::to_string(accepted + 1) + " waiting")) << queue.body;
    EXPECT_FALSE(contains(queue.body, "The defence set aside"));
}

TEST_F(SubmissionDefence, ScriptedReportsAreSetAsideAndNeverTouchTheReportedPetition) {
    const auto port = server_.port();
    ASSERT_EQ(post_form(port, "/petitions/parc/sign",
                        signing_fields(port, "Marie Curie", "marie@example.org"),
                        {{"X-Forwarded-For", "198.51.100.7"}, {"User-Agent", firefox}})
                  .status,
              303u);
    const auto signed_mail = wait_for_mails(maildir(), 1);
    ASSERT_EQ(signed_mail.size(), 1u);
    post_form(port, "/s/" + link_token(confirmation_link(signed_mail[0])) + "/confirm", {});
    ASSERT_EQ(api_signature_count(port, "parc"), 1);

    int accepted = 0;
    for (int i = 0; i < 12; ++i) {
        const auto answer = report("Cette pétition est une arnaque", flood_address(i));
        ASSERT_TRUE(answer.status == 303u || answer.status == 429u) << answer.status;
        if (answer.status == 303u) ++accepted;
    }
    ASSERT_GE(accepted, 10);
    EXPECT_EQ(count("SELECT COUNT(*) FROM incidents WHERE subject = 'reports'"), "1");
    // The reporters' networks are kept, never their addresses.
    EXPECT_EQ(count("SELECT COUNT(*) FROM submission_events WHERE kind = 'report' AND ip NOT "
                    "LIKE 'net:%'"),
              "0");
    EXPECT_EQ(count("SELECT COUNT(*) FROM petition_reports WHERE set_aside = 1"),
              std::to_string(accepted));
    // The reported petition stays up, signable, and its signer counted.
    EXPECT_EQ(count("SELECT COUNT(*) FROM signatures WHERE state != 'confirmed'"), "0");
    EXPECT_EQ(count("SELECT state FROM petitions WHERE slug = 'parc'"), "published");
    EXPECT_EQ(api_signature_count(port, "parc"), 1);
    EXPECT_EQ(http_get(port, "/petitions/parc").status, 200u);

    // A visitor's own report, from a browser elsewhere, still reaches the moderators.
    ASSERT_EQ(report("Des propos injurieux", "198.51.100.9", firefox).status, 303u);
    auto queue = moderator_.get("/admin/moderation", {{"Accept-Language", "en"}});
    EXPECT_TRUE(contains(queue.body, "Sauvons le parc"));
    EXPECT_TRUE(contains(queue.body, "1 report")) << queue.body;
    EXPECT_TRUE(contains(queue.body, "0 proposals and " + std::to_string(accepted) + " reports"))
        << queue.body;

    // Thrown out: the flood's reports are closed, the visitor's stays.
    decide_every_cluster("1", "invalidate");
    EXPECT_EQ(count("SELECT COUNT(*) FROM petition_reports WHERE handled_at IS NOT NULL"),
              std::to_string(accepted));
    EXPECT_EQ(count("SELECT COUNT(*) FROM petition_reports WHERE handled_at IS NULL"), "1");
    const auto incident = moderator_.get("/admin/incidents/1", {{"Accept-Language", "en"}});
    EXPECT_TRUE(contains(incident.body, "Reports of petitions"));
    EXPECT_TRUE(contains(incident.body, "Cette pétition est une arnaque"));
    EXPECT_EQ(count("SELECT state FROM incidents WHERE id = 1"), "invalidated");
    EXPECT_EQ(api_signature_count(port, "parc"), 1);
}

TEST_F(SubmissionDefence, ACrowdProposingAndReportingFromHomeBrowsersIsNeverSetAside) {
    // The evening news spoke of the park: its viewers propose the same petition and report
    // the same one, each from home, in a browser.
    for (int i = 0; i < 12; ++i)
        ASSERT_EQ(propose("Rouvrez la piscine du quartier", "Voisine " + std::to_string(i),
                          "voisine" + std::to_string(i) + "@example.org", crowd_address(i), firefox)
                      .status,
                  303u)
            << i;
    for (int i = 0; i < 12; ++i)
        ASSERT_EQ(report("Cette pétition ment sur le parc", crowd_address(20 + i), firefox).status,
                  303u)
            << i;
    // Seen as repeated, never acted on: no incident, nothing set aside.
    EXPECT_TRUE(server_.log_contains("INCIDENT_WATCH subject=proposals"));
    EXPECT_TRUE(server_.log_contains("INCIDENT_WATCH subject=reports"));
    EXPECT_EQ(count("SELECT COUNT(*) FROM incidents"), "0");
    EXPECT_EQ(count("SELECT COUNT(*) FROM submissions WHERE set_aside = 1"), "0");
    EXPECT_EQ(count("SELECT COUNT(*) FROM petition_reports WHERE set_aside = 1"), "0");
    EXPECT_EQ(count("SELECT COUNT(*) FROM submissions"), "12");
    confirm_every_proposal(12);
    const auto queue = moderator_.get("/admin/moderation", {{"Accept-Language", "en"}});
    EXPECT_TRUE(contains(queue.body, "12 waiting")) << queue.body;
    EXPECT_TRUE(contains(queue.body, "12 reports")) << queue.body;
}

}  // namespace
}  // namespace rempart::testing
