// Junk posts against the real server: refused from memory, summarised in a few rows, never
// a cluster, a ban or an alert; and a mailbox that cannot be bombed under +tags.
#include <gtest/gtest.h>

#include <fstream>
#include <future>
#include <thread>

#include "client/http_client.hpp"
#include "client/signing_client.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

std::string one(const ServerProcess& server, const std::string& sql) {
    return store_rows(server, sql, "NULL").at(0).at(0);
}

// Waits (bounded) for the summaries, written every few seconds, to reach `expected`.
std::int64_t summarised(const ServerProcess& server, std::int64_t expected) {
    std::int64_t total = -1;
    for (int i = 0; i < 300 && total < expected; ++i) {
        total = std::stoll(one(server, "SELECT COALESCE(SUM(attempts), 0) FROM signing_refusals"));
        if (total < expected) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return total;
}

constexpr const char* junk_site_settings =
    "[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n"
    "[shield]\npow_max_number = 50\n"
    "[mail]\nadmin_alerts_to = [\"admin@example.org\"]\n";

TEST(JunkPosts, AFloodOfJunkLeavesAFewSummariesAndARealSignerIsServed) {
    ServerProcess server(junk_site_settings);
    server.create_petition("velo", "Pétition velo");
    server.start();
    const auto port = server.port();
    // 1,500 posts from 300 addresses in 3 networks of a small AS: empty bodies, forms
    // without a proof of work, forged payloads, the same name again and again.
    const std::string bodies[] = {
        "", "name=Jeff+Bezos&email=jeff%40junk.example&accept_terms=1",
        "name=Jeff+Bezos&email=jeff%40junk.example&accept_terms=1&altcha=bm90IGpzb24%3D",
        "garbage=%%%"};
    int refused = 0;
    for (int i = 0; i < 1500; ++i) {
        const auto ip = "127.2." + std::to_string(i % 3) + "." + std::to_string(1 + i % 100);
        const auto answer = http_request(port, "POST", "/petitions/velo/sign", bodies[i % 4],
                                         {{"Content-Type", "application/x-www-form-urlencoded"},
                                          {"X-Forwarded-For", ip},
                                          {"User-Agent", std::string(300, 'J')}});
        ASSERT_TRUE(answer.status == 422 || answer.status == 400 || answer.status == 429)
            << answer.status;
        ++refused;
        if (i == 700) {
            // A real signer beside the flood, from a household network.
            ASSERT_EQ(post_form(port, "/petitions/velo/sign",
                                signing_fields(port, "Marie Curie", "marie@example.org"),
                                {{"X-Forwarded-For", "198.51.100.7"}})
                          .status,
                      303u);
        }
    }
    EXPECT_EQ(summarised(server, refused), refused);
    // Every refusal in a summary, none in a row of its own; the real signature in both.
    EXPECT_EQ(one(server, "SELECT COUNT(*) FROM signing_events"), "1");
    EXPECT_LE(std::stoll(one(server, "SELECT COUNT(*) FROM signing_refusals")), 3 * 4 * 4 * 2);
    EXPECT_EQ(one(server, "SELECT MAX(length(sample_user_agent)) FROM signing_refusals"), "256");
    EXPECT_EQ(one(server, "SELECT COUNT(*) FROM signatures"), "1");
    // Nothing the defence does to a network came of it.
    EXPECT_EQ(one(server, "SELECT COUNT(*) FROM incidents"), "0");
    EXPECT_EQ(one(server, "SELECT COUNT(*) FROM bans"), "0");
    EXPECT_EQ(one(server, "SELECT COUNT(*) FROM outbox WHERE purpose = 'alert'"), "0");
    // The log has summary lines, not a line per junk post.
    std::ifstream log(server.dir() / "rempart.log");
    std::string line;
    int refusal_lines = 0, request_lines = 0;
    while (std::getline(log, line)) {
        refusal_lines += line.find("SIGNATURE_REFUSED") != std::string::npos;
        request_lines += line.find("HTTP_REQUEST") != std::string::npos &&
                         line.find("route=sign ") != std::string::npos;
    }
    EXPECT_LT(refusal_lines, 60);
    EXPECT_EQ(request_lines, 1);  // the real signer's
}

TEST(JunkPosts, OneAddressCannotGetItsNetworkOrItsASBanned) {
    ServerProcess server(std::string(junk_site_settings) +
                         "[shield]\nsign_per_ip = { per_minute = 6000, burst = 1000 }\n"
                         "sign_per_network = { per_minute = 6000, burst = 1000 }\n");
    server.create_petition("velo", "Pétition velo");
    server.start();
    const auto port = server.port();
    // Junk and real proofs of work alike, one name, one address in a small AS, well past
    // every rule's count: at worst that address is limited, never its network or its AS.
    for (int i = 0; i < 120; ++i) {
        const auto fields =
            i % 2 ? signing_fields(port, "Jeff Bezos", "jeff" + std::to_string(i) + "@junk.example",
                                   {{"comment", "déso pas déso"}})
                  : Fields{{"name", "Jeff Bezos"}, {"email", "j@junk.example"}};
        const auto answer =
            post_form(port, "/petitions/velo/sign", fields, {{"X-Forwarded-For", "127.2.0.9"}});
        ASSERT_TRUE(answer.status == 303 || answer.status == 422) << answer.status;
    }
    EXPECT_EQ(one(server, "SELECT COUNT(*) FROM incidents"), "0");
    EXPECT_EQ(one(server, "SELECT COUNT(*) FROM incident_clusters"), "0");
    EXPECT_EQ(one(server, "SELECT COUNT(*) FROM bans"), "0");
    EXPECT_EQ(one(server, "SELECT COUNT(*) FROM outbox WHERE purpose = 'alert'"), "0");
    // Another address of its network still signs.
    EXPECT_EQ(post_form(port, "/petitions/velo/sign",
                        signing_fields(port, "Marie Curie", "marie@example.org"),
                        {{"X-Forwarded-For", "127.2.0.10"}})
                  .status,
              303u);
}

TEST(MailboxCap, TagsCannotMultiplyTheMailsOneMailboxGets) {
    ServerProcess server("[shield]\nmails_per_mailbox_per_day = 5\n");
    server.create_petition("velo", "Pétition velo");
    server.create_petition("arbres", "Pétition arbres");
    server.start();
    const auto port = server.port();
    const auto maildir = server.dir() / "data" / "mail";
    // Eight signatures for "victim" under eight tags, over two petitions: every answer the
    // usual one, five mails at most.
    for (int i = 0; i < 8; ++i) {
        const std::string petition = i % 2 ? "velo" : "arbres";
        const auto answer = post_form(
            port, "/petitions/" + petition + "/sign",
            signing_fields(port, "Victime", "Victim+" + std::to_string(i) + "@asso.example"));
        EXPECT_EQ(answer.status, 303u) << i;
        EXPECT_EQ(answer.header("location"), "/petitions/" + petition + "/thanks");
    }
    EXPECT_EQ(wait_for_mails(maildir, 5).size(), 5u);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    EXPECT_EQ(maildir_messages(maildir).size(), 5u);
    EXPECT_EQ(one(server, "SELECT COUNT(*) FROM signatures"), "5");
    EXPECT_EQ(summarised(server, 3), 3);
    EXPECT_EQ(one(server, "SELECT verdict FROM signing_refusals GROUP BY verdict"),
              "mailbox_capped");
    // Another mailbox at the same domain is not touched by the cap.
    EXPECT_EQ(post_form(port, "/petitions/velo/sign",
                        signing_fields(port, "Voisin", "voisin@asso.example"))
                  .status,
              303u);
    EXPECT_EQ(wait_for_mails(maildir, 6).size(), 6u);

    // The count survives a restart: the outbox says what was sent today.
    server.stop();
    server.start();
    EXPECT_EQ(post_form(server.port(), "/petitions/velo/sign",
                        signing_fields(server.port(), "Victime", "victim+9@asso.example"))
                  .status,
              303u);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    EXPECT_EQ(maildir_messages(maildir).size(), 6u);
}

TEST(WriterQueue, AFullQueueAnswers503WithRetryAfterAndLosesNothingAccepted) {
    // The writer gathers for a whole second and takes 4 signatures at most in its queue.
    ServerProcess server(
        "[storage]\ngroup_commit_ms = 1000\nwrite_queue = 16\n"
        "[shield]\npow_max_number = 20\nsign_per_ip = { per_minute = 6000, burst = 1000 }\n");
    server.create_petition("velo", "Pétition velo");
    server.start();
    const auto port = server.port();
    std::vector<Fields> forms;
    for (int i = 0; i < 40; ++i)
        forms.push_back(signing_fields(port, "Signer " + std::to_string(i),
                                       "s" + std::to_string(i) + "@example.org"));
    std::vector<std::future<HttpResponse>> answers;
    for (const auto& form : forms)
        answers.push_back(std::async(std::launch::async, [port, form] {
            return post_form(port, "/petitions/velo/sign", form);
        }));
    int accepted = 0, busy = 0;
    for (auto& answer : answers) {
        const auto response = answer.get();
        if (response.status == 303) ++accepted;
        if (response.status == 503) {
            ++busy;
            EXPECT_EQ(response.header("retry-after"), "5");
        }
    }
    EXPECT_EQ(accepted + busy, 40);
    EXPECT_GE(busy, 1);
    EXPECT_EQ(one(server, "SELECT COUNT(*) FROM signatures"), std::to_string(accepted));
}

}  // namespace
}  // namespace rempart::testing
