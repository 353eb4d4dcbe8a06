// Signing against the real server: sign, get the mail, confirm, count; and every refusal.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <boost/json.hpp>

#include <ctime>
#include <fstream>
#include <thread>

#include "client/http_client.hpp"
#include "client/signing_client.hpp"
#include "support/contains.hpp"
#include "support/dns_server.hpp"
#include "support/metrics_reader.hpp"
#include "support/server_process.hpp"
#include "support/smtp_sink.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

using testing::contains;

void create_petition(ServerProcess& server, const std::string& slug,
                     std::vector<std::string> extra = {}) {
    const auto text = server.dir() / (slug + ".md");
    std::ofstream(text) << "Texte de la pétition.\n";
    std::vector<std::string> args{"petition", "create",           "--slug",      slug,
                                  "--title",  "Pétition " + slug, "--text-file", text.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    std::string output;
    ASSERT_EQ(server.run_cli(args, &output), 0) << output;
}

std::filesystem::path maildir(const ServerProcess& server) {
    return server.dir() / "data" / "mail";
}

boost::json::object petition_json(std::uint16_t port, const std::string& slug) {
    const auto response = http_get(port, "/api/petitions/" + slug);
    if (response.status != 200) return {};
    return boost::json::parse(response.body).as_object();
}

// The API reads the store, so a count is exact once its write is answered; polled all the
// same, as a client would.
std::int64_t wait_for_count(std::uint16_t port, const std::string& slug, std::int64_t expected) {
    std::int64_t count = -1;
    for (int i = 0; i < 100; ++i) {
        const auto json = petition_json(port, slug);
        if (!json.empty()) count = json.at("signature_count").as_int64();
        if (count == expected) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return count;
}

// The rows of a query on the server's store, read beside it (WAL allows it).
std::vector<std::string> query(const ServerProcess& server, const std::string& sql) {
    std::vector<std::string> rows;
    for (const auto& columns : store_rows(server, sql, "NULL")) {
        std::string row;
        for (std::size_t i = 0; i < columns.size(); ++i) row += (i ? "|" : "") + columns[i];
        rows.push_back(row);
    }
    return rows;
}

// Refused attempts of one verdict, as the summaries written every few seconds count them.
std::string refused_attempts(const ServerProcess& server, const std::string& verdict,
                             const std::string& expected) {
    std::string count;
    for (int i = 0; i < 300 && count != expected; ++i) {
        count = query(server,
                      "SELECT COALESCE(SUM(attempts), 0) FROM signing_refusals WHERE "
                      "verdict = '" +
                          verdict + "'")[0];
        if (count != expected) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return count;
}

class Signing : public ::testing::Test {
  protected:
    explicit Signing(std::string config = "") : server_(std::move(config)) {}
    void SetUp() override {
        create_petition(server_, "velo");
        server_.start();
    }
    HttpResponse sign(const Fields& fields, Headers headers = {}) {
        return post_form(server_.port(), "/petitions/velo/sign", fields, std::move(headers));
    }
    ServerProcess server_;
};

TEST_F(Signing, SignGetTheMailConfirmAndTheCountGoesUp) {
    const auto signed_up = sign(signing_fields(server_.port(), "Marie Curie", "marie@example.org",
                                               {{"postcode", "75005"}, {"comment", "Oui !"}}));
    ASSERT_EQ(signed_up.status, 303u) << signed_up.body;
    EXPECT_EQ(signed_up.header("location"), "/petitions/velo/thanks");
    const auto thanks =
        http_get(server_.port(), "/petitions/velo/thanks", {{"Accept-Language", "fr"}});
    EXPECT_EQ(thanks.status, 200u);
    EXPECT_TRUE(contains(thanks.body, "Consultez votre messagerie"));
    EXPECT_EQ(wait_for_count(server_.port(), "velo", 0), 0);  // pending does not count

    const auto mails = wait_for_mails(maildir(server_), 1);
    ASSERT_EQ(mails.size(), 1u);
    EXPECT_TRUE(contains(mails[0], "To: marie@example.org"));
    EXPECT_TRUE(contains(mails[0], "multipart/alternative"));
    const auto link = confirmation_link(mails[0]);
    ASSERT_FALSE(link.empty()) << mails[0];
    EXPECT_TRUE(link.starts_with("http://127.0.0.1:" + std::to_string(server_.port()) + "/s/"));
    const auto token = link_token(link);

    // Opening the link (as a mail scanner does) confirms nothing.
    const auto page = http_get(server_.port(), "/s/" + token);
    ASSERT_EQ(page.status, 200u);
    EXPECT_TRUE(contains(page.body, "action=\"/s/" + token + "/confirm\""));
    EXPECT_EQ(page.header("cache-control"), "no-store");
    EXPECT_EQ(wait_for_count(server_.port(), "velo", 0), 0);

    const auto confirmed = post_form(server_.port(), "/s/" + token + "/confirm", {});
    ASSERT_EQ(confirmed.status, 303u) << confirmed.body;
    EXPECT_EQ(confirmed.header("location"), "/petitions/velo?confirmed=1");
    EXPECT_EQ(wait_for_count(server_.port(), "velo", 1), 1);
    const auto json = petition_json(server_.port(), "velo");
    EXPECT_EQ(json.at("signatures_by_region").as_object().at("75").as_int64(), 1);
    // The API is exact; the cached page follows within a second or two.
    HttpResponse petition_page;
    for (int i = 0; i < 100; ++i) {
        petition_page =
            http_get(server_.port(), "/petitions/velo?confirmed=1", {{"Accept-Language", "en"}});
        if (contains(petition_page.body, "1 signature")) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_TRUE(contains(petition_page.body, "your signature is confirmed and counted"));
    EXPECT_TRUE(contains(petition_page.body, "1 signature"));

    // A second click changes nothing.
    EXPECT_EQ(post_form(server_.port(), "/s/" + token + "/confirm", {}).status, 303u);
    EXPECT_EQ(wait_for_count(server_.port(), "velo", 1), 1);

    HttpResponse metrics;
    for (int i = 0; i < 100; ++i) {
        metrics = http_get(server_.port(), "/metrics");
        if (contains(metrics.body, "rempart_signatures{state=\"confirmed\"} 1")) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_TRUE(contains(metrics.body, "rempart_signatures{state=\"confirmed\"} 1"));
    EXPECT_TRUE(contains(metrics.body, "rempart_signing_attempts_total{verdict=\"accepted\"} 1"));
    // The signature, the mail's sent mark and the confirmation were each a write job; no
    // group can hold fewer than one.
    const auto writes = metric_value(server_.port(), "rempart_store_writes_total");
    const auto groups = metric_value(server_.port(), "rempart_store_write_groups_total");
    EXPECT_GE(writes, 3);
    EXPECT_GE(groups, 1);
    EXPECT_LE(groups, writes);
}

TEST_F(Signing, ConfirmingAgainAndAgainWritesOneEventAndOneLogLine) {
    ASSERT_EQ(sign(signing_fields(server_.port(), "Marie", "marie@example.org")).status, 303u);
    const auto mails = wait_for_mails(maildir(server_), 1);
    ASSERT_EQ(mails.size(), 1u);
    const auto token = link_token(confirmation_link(mails[0]));
    // The attack: one link posted again and again, each a new row for the defence to read.
    for (int click = 0; click < 5; ++click) {
        const auto confirmed = post_form(server_.port(), "/s/" + token + "/confirm", {});
        EXPECT_EQ(confirmed.status, 303u) << click;
        EXPECT_EQ(confirmed.header("location"), "/petitions/velo?confirmed=1") << click;
    }
    EXPECT_EQ(wait_for_count(server_.port(), "velo", 1), 1);
    EXPECT_EQ(query(server_, "SELECT COUNT(*) FROM signing_events WHERE kind = 'confirmation'"),
              (std::vector<std::string>{"1"}));
    // Stopped, so that every line is in the log.
    ASSERT_EQ(server_.stop(), 0);
    const auto log = server_.log_text();
    std::size_t lines = 0;
    for (auto at = log.find("SIGNATURE_CONFIRMED"); at != std::string::npos;
         at = log.find("SIGNATURE_CONFIRMED", at + 1))
        ++lines;
    EXPECT_EQ(lines, 1u) << log;
}

TEST_F(Signing, TheConfirmationMailGreetsByTheFirstNameAndNeverRepeatsALink) {
    ASSERT_EQ(sign(signing_fields(server_.port(), "Marie Curie", "marie@example.org")).status,
              303u);
    // The attack: a name written as a message, for a mail from the association's domain.
    ASSERT_EQ(sign(signing_fields(server_.port(),
                                  "https://banque.example/verif Votre compte est suspendu, "
                                  "appelez le 0612345678",
                                  "cible@example.org"))
                  .status,
              303u);
    const auto mails = wait_for_mails(maildir(server_), 2);
    ASSERT_EQ(mails.size(), 2u);
    for (const auto& mail : mails) {
        const auto body = decoded_body(mail);
        if (contains(mail, "To: marie@example.org")) {
            EXPECT_TRUE(contains(body, "Bonjour Marie,")) << body;
            EXPECT_FALSE(contains(body, "Curie")) << body;
        } else {
            EXPECT_TRUE(contains(body, "Bonjour,")) << body;
            for (const auto* part : {"banque", "suspendu", "0612345678", "https://banque"})
                EXPECT_FALSE(contains(mail + body, part)) << part << "\n" << body;
        }
        EXPECT_TRUE(contains(body, "Pétition velo"));  // the title is ours: it stays
    }
}

TEST_F(Signing, ConsentAndEventsAreRecorded) {
    ASSERT_EQ(sign(signing_fields(server_.port(), "Jeff Bezos", "jeff@example.org",
                                  {{"newsletter", "1"}, {"comment", "déso pas déso"}}),
                   {{"User-Agent", "test-agent/1"}})
                  .status,
              303u);
    ASSERT_EQ(
        sign(signing_fields(server_.port(), "Ada Lovelace", "ada@example.org", {{"updates", "1"}}),
             {{"User-Agent", "test-agent/1"}})
            .status,
        303u);
    ASSERT_EQ(sign(signing_fields(server_.port(), "Bill Gates", "bill@example.org")).status, 303u);
    const auto signatures = query(server_,
                                  "SELECT name, terms_version, privacy_version, accepted_at > 0, "
                                  "newsletter_at IS NOT NULL, updates_at IS NOT NULL, state, "
                                  "length(consent_version) FROM signatures ORDER BY id");
    ASSERT_EQ(signatures.size(), 3u);
    // Each box on its own, each consent with the version of the words beside it.
    EXPECT_EQ(signatures[0], "Jeff Bezos|2026-11-01|2026-11-01|1|1|0|pending|12");
    EXPECT_EQ(signatures[1], "Ada Lovelace|2026-11-01|2026-11-01|1|0|1|pending|12");
    EXPECT_EQ(signatures[2], "Bill Gates|2026-11-01|2026-11-01|1|0|0|pending|12");
    const auto events = query(server_,
                              "SELECT verdict, ip, network, asn, email_domain, length(name_key), "
                              "comment_key IS NOT NULL, user_agent, pow_verdict FROM "
                              "signing_events ORDER BY id");
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0],
              "accepted|127.0.0.1|net:127.0.0.0/24|64500|example.org|32|1|test-agent/1|accepted");
}

TEST_F(Signing, ADuplicateGetsTheSameAnswerAndNeverASecondCount) {
    ASSERT_EQ(sign(signing_fields(server_.port(), "Marie", "marie.curie@gmail.com")).status, 303u);
    const auto again = sign(signing_fields(server_.port(), "Marie C", "MarieCurie+velo@gmail.com"));
    EXPECT_EQ(again.status, 303u);
    EXPECT_EQ(again.header("location"), "/petitions/velo/thanks");
    const auto mails = wait_for_mails(maildir(server_), 1);
    ASSERT_EQ(mails.size(), 1u);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    EXPECT_EQ(maildir_messages(maildir(server_)).size(), 1u);  // within the hour: no resend
    const auto token = link_token(confirmation_link(mails[0]));
    ASSERT_EQ(post_form(server_.port(), "/s/" + token + "/confirm", {}).status, 303u);
    ASSERT_EQ(sign(signing_fields(server_.port(), "Marie", "marie.curie@gmail.com")).status, 303u);
    EXPECT_EQ(wait_for_count(server_.port(), "velo", 1), 1);
    EXPECT_EQ(query(server_, "SELECT COUNT(*) FROM signatures")[0], "1");
    EXPECT_EQ(query(server_, "SELECT verdict FROM signing_events ORDER BY id"),
              (std::vector<std::string>{"accepted", "duplicate", "confirmed", "duplicate"}));
}

TEST_F(Signing, WithdrawingTakesTheSignatureOutOfTheCount) {
    ASSERT_EQ(
        sign(signing_fields(server_.port(), "Marie", "marie@example.org", {{"postcode", "20000"}}))
            .status,
        303u);
    ASSERT_EQ(sign(signing_fields(server_.port(), "Pierre", "pierre@example.org")).status, 303u);
    const auto mails = wait_for_mails(maildir(server_), 2);
    ASSERT_EQ(mails.size(), 2u);
    std::string marie;
    for (const auto& mail : mails)
        if (contains(mail, "marie@example.org")) marie = link_token(confirmation_link(mail));
    ASSERT_FALSE(marie.empty());
    for (const auto& mail : mails)
        ASSERT_EQ(
            post_form(server_.port(), "/s/" + link_token(confirmation_link(mail)) + "/confirm", {})
                .status,
            303u);
    EXPECT_EQ(wait_for_count(server_.port(), "velo", 2), 2);
    EXPECT_EQ(petition_json(server_.port(), "velo")
                  .at("signatures_by_region")
                  .as_object()
                  .at("2A")
                  .as_int64(),
              1);  // 20000 is Ajaccio, in Corse-du-Sud
    const auto withdrawn = post_form(server_.port(), "/s/" + marie + "/withdraw", {});
    ASSERT_EQ(withdrawn.status, 303u);
    EXPECT_EQ(withdrawn.header("location"), "/petitions/velo?withdrawn=1");
    EXPECT_EQ(wait_for_count(server_.port(), "velo", 1), 1);
    EXPECT_TRUE(
        petition_json(server_.port(), "velo").at("signatures_by_region").as_object().empty());
    const auto page = http_get(server_.port(), "/s/" + marie, {{"Accept-Language", "en"}});
    EXPECT_EQ(page.status, 200u);
    EXPECT_TRUE(contains(page.body, "Your signature is withdrawn"));
    EXPECT_FALSE(contains(page.body, "/confirm\""));
    // A withdrawn signature cannot be confirmed back by its old link.
    EXPECT_EQ(post_form(server_.port(), "/s/" + marie + "/confirm", {}).status, 409u);
    EXPECT_EQ(wait_for_count(server_.port(), "velo", 1), 1);
}

TEST_F(Signing, AnInternationalDomainIsMailedInItsAsciiForm) {
    ASSERT_EQ(sign(signing_fields(server_.port(), "Jean", "jean@exämple.fr")).status, 303u);
    const auto mails = wait_for_mails(maildir(server_), 1);
    ASSERT_EQ(mails.size(), 1u);
    EXPECT_TRUE(contains(mails[0], "\r\nTo: jean@xn--exmple-cua.fr\r\n"))
        << mails[0].substr(0, 400);
}

TEST_F(Signing, UnknownOrMalformedLinksSayWhatToDo) {
    const std::string unknown(43, 'A');
    for (const std::string& target :
         std::vector<std::string>{"/s/" + unknown, "/s/short", "/s/" + std::string(43, '.')}) {
        const auto page = http_get(server_.port(), target, {{"Accept-Language", "en"}});
        EXPECT_EQ(page.status, 404u) << target;
        EXPECT_TRUE(contains(page.body, "This link is not valid")) << target;
    }
    EXPECT_EQ(post_form(server_.port(), "/s/" + unknown + "/confirm", {}).status, 404u);
    EXPECT_EQ(post_form(server_.port(), "/s/" + unknown + "/withdraw", {}).status, 404u);
    EXPECT_EQ(http_get(server_.port(), "/s/" + unknown + "/confirm").status, 405u);
}

TEST_F(Signing, EveryBadFieldComesBackBesideItsFieldWithTheInputKept) {
    const auto port = server_.port();
    struct Case {
        Fields extra;
        std::string error;
    };
    const Case cases[] = {
        {{{"name", ""}}, "Enter your name."},
        {{{"name", std::string(101, 'x')}}, "Your name is too long"},
        {{{"email", "marie"}}, "This e-mail address is not valid"},
        {{{"email", ""}}, "Enter your e-mail address."},
        {{{"postcode", "7500"}}, "Enter a French postcode of five digits"},
        {{{"comment", std::string(1001, 'x')}}, "Your comment is too long"},
        {{{"accept_terms", ""}}, "Tick this box to accept"},
        {{{"altcha", ""}}, "The anti-robot check has not finished"},
        {{{"name", "\u200b \u200b"}}, "Enter your name."},
    };
    for (const auto& c : cases) {
        auto fields = signing_fields(port, "Marie <Curie>", "marie@example.org", c.extra);
        const auto response = sign(fields, {{"Accept-Language", "en"}});
        EXPECT_EQ(response.status, 422u) << c.error;
        EXPECT_TRUE(contains(response.body, c.error)) << c.error;
        EXPECT_TRUE(contains(response.body, "class=\"field-error\"")) << c.error;
        EXPECT_EQ(response.header("content-type"), "text/html; charset=utf-8");
    }
    const auto kept = sign(signing_fields(port, "Marie <Curie>", "marie@example.org",
                                          {{"comment", "Mon avis"}, {"accept_terms", ""}}));
    EXPECT_TRUE(contains(kept.body, "value=\"Marie &lt;Curie&gt;\""));
    EXPECT_TRUE(contains(kept.body, ">Mon avis</textarea>"));
    EXPECT_TRUE(query(server_, "SELECT id FROM signatures").empty());
    // Refused attempts are counted in memory and written as summaries a few seconds later,
    // never as a row each: nine with field errors, one without its proof of work.
    EXPECT_EQ(refused_attempts(server_, "invalid", "9"), "9");
    EXPECT_EQ(refused_attempts(server_, "pow_missing", "1"), "1");
    EXPECT_EQ(query(server_, "SELECT COUNT(*) FROM signing_events")[0], "0");
    // Bytes that are not UTF-8 make the whole form unreadable: 400, and nothing recorded.
    const auto unreadable = http_request(
        port, "POST", "/petitions/velo/sign", "name=Marie%FF&email=m%40example.org&accept_terms=1",
        {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept-Language", "en"}});
    EXPECT_EQ(unreadable.status, 400u);
    EXPECT_TRUE(contains(unreadable.body, "Bad request"));
}

TEST_F(Signing, ProofOfWorkMissingForgedExpiredOrReplayedIsRefused) {
    const auto port = server_.port();
    std::ifstream secret_file(server_.dir() / "data" / "secret.key");
    std::string secret;
    secret_file >> secret;
    const auto now = static_cast<std::int64_t>(std::time(nullptr));

    // A solution tampered with in its signature (the payload ends with the signature's hex
    // and `"took":1}`): flipping a character in the middle could land in the salt's expiry
    // instead, and be refused as expired rather than as failed.
    auto forged = solve_altcha(port);
    const auto at = forged.size() - 40;
    forged[at] = forged[at] == 'A' ? 'B' : 'A';
    const std::pair<std::string, std::string> cases[] = {
        {"", "has not finished"},
        {"bm90IGpzb24=", "failed"},
        {forged, "failed"},
        {altcha_payload("0000" + secret.substr(4), now + 300), "failed"},
        {altcha_payload(secret, now - 5), "has expired"},
    };
    for (const auto& [payload, error] : cases) {
        const auto response =
            sign(signing_fields(port, "Marie", "marie@example.org", {{"altcha", payload}}),
                 {{"Accept-Language", "en"}});
        EXPECT_EQ(response.status, 422u) << error;
        EXPECT_TRUE(contains(response.body, error)) << error;
    }
    // A genuine one signed with the server's secret works once, and only once.
    const auto genuine =
        altcha_payload(secret, now + 300, "0123456789abcdef", challenge_start_mark(port));
    EXPECT_EQ(
        sign(signing_fields(port, "Marie", "marie@example.org", {{"altcha", genuine}})).status,
        303u);
    const auto replayed =
        sign(signing_fields(port, "Paul", "paul@example.org", {{"altcha", genuine}}),
             {{"Accept-Language", "en"}});
    EXPECT_EQ(replayed.status, 422u);
    EXPECT_TRUE(contains(replayed.body, "failed"));
    EXPECT_EQ(query(server_, "SELECT COUNT(*) FROM signatures")[0], "1");
}

TEST_F(Signing, ASolutionSpentBeforeARestartIsRefusedAfterIt) {
    auto fields = signing_fields(server_.port(), "Marie", "marie@example.org");
    ASSERT_EQ(sign(fields).status, 303u);
    // A form loaded before the restart and sent after it, by a real signer.
    const auto unsent = solve_altcha(server_.port());
    ASSERT_EQ(server_.stop(), 0);
    server_.start();

    // The attack: the spent payload again, for another mailbox.
    const auto replayed = sign(
        signing_fields(server_.port(), "Paul", "paul@example.org", {{"altcha", fields[3].second}}),
        {{"Accept-Language", "en"}});
    EXPECT_EQ(replayed.status, 422u);
    EXPECT_TRUE(contains(replayed.body, "has expired")) << replayed.body;
    EXPECT_EQ(query(server_, "SELECT COUNT(*) FROM signatures")[0], "1");

    // The signer is told to tick the check again, and finds what they typed.
    const auto late = sign(signing_fields(server_.port(), "Lucie Martin", "lucie@example.org",
                                          {{"altcha", unsent}, {"comment", "Enfin des pistes"}}),
                           {{"Accept-Language", "en"}});
    EXPECT_EQ(late.status, 422u);
    EXPECT_TRUE(contains(late.body, "The anti-robot check has expired: tick it again"));
    EXPECT_TRUE(contains(late.body, "value=\"Lucie Martin\""));
    EXPECT_TRUE(contains(late.body, "value=\"lucie@example.org\""));
    EXPECT_TRUE(contains(late.body, ">Enfin des pistes</textarea>"));
    // Both refused as expired, in the summaries written a few seconds later.
    EXPECT_EQ(refused_attempts(server_, "pow_expired", "2"), "2");
    // A challenge of this start signs.
    EXPECT_EQ(sign(signing_fields(server_.port(), "Lucie Martin", "lucie@example.org")).status,
              303u);
    EXPECT_EQ(query(server_, "SELECT COUNT(*) FROM signatures")[0], "2");
}

TEST_F(Signing, DisposableAddressesAreRefusedBesideTheEmailField) {
    const auto response = sign(signing_fields(server_.port(), "Marie", "marie@mailinator.com"),
                               {{"Accept-Language", "fr"}});
    EXPECT_EQ(response.status, 422u);
    EXPECT_TRUE(contains(response.body, "messageries jetables"));
    EXPECT_TRUE(contains(response.body, "id=\"email-error\""));
    EXPECT_TRUE(query(server_, "SELECT id FROM signatures").empty());
}

TEST_F(Signing, AFormFromAnotherSiteIsRefused) {
    const auto response = sign(signing_fields(server_.port(), "Marie", "marie@example.org"),
                               {{"Origin", "https://evil.example"}});
    EXPECT_EQ(response.status, 403u);
    const auto ours = sign(signing_fields(server_.port(), "Marie", "marie@example.org"),
                           {{"Origin", "http://127.0.0.1:" + std::to_string(server_.port())}});
    EXPECT_EQ(ours.status, 303u);
}

TEST_F(Signing, UnknownPetitionIs404AndATooLargeFormIs413) {
    EXPECT_EQ(post_form(server_.port(), "/petitions/nope/sign",
                        signing_fields(server_.port(), "Marie", "marie@example.org"))
                  .status,
              404u);
    Fields huge{{"name", std::string(70 * 1024, 'x')}};
    EXPECT_EQ(sign(huge).status, 413u);
}

TEST_F(Signing, AClosedPetitionAnswers409) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((server_.dir() / "data" / "rempart.db").c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    ASSERT_EQ(sqlite3_exec(db, "UPDATE petitions SET state = 'closed'", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    HttpResponse response;
    for (int i = 0; i < 100; ++i) {
        response = sign(signing_fields(server_.port(), "Marie", "marie@example.org"),
                        {{"Accept-Language", "en"}});
        if (response.status == 409) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_EQ(response.status, 409u);
    EXPECT_TRUE(contains(response.body, "no longer possible"));
}

TEST(SigningPostcode, APetitionThatAsksForPostcodesGetsThem) {
    ServerProcess server;
    create_petition(server, "quartier", {"--postcode-required"});
    server.start();
    const auto port = server.port();
    const auto page = http_get(port, "/petitions/quartier", {{"Accept-Language", "en"}});
    EXPECT_TRUE(contains(page.body, "inputmode=\"numeric\" maxlength=\"10\" value=\"\" required"));
    EXPECT_FALSE(contains(page.body, "Postcode (optional)"));
    const auto missing =
        post_form(port, "/petitions/quartier/sign",
                  signing_fields(port, "Marie", "marie@example.org"), {{"Accept-Language", "en"}});
    EXPECT_EQ(missing.status, 422u);
    EXPECT_TRUE(contains(missing.body, "This petition asks for your postcode"));
    EXPECT_EQ(post_form(port, "/petitions/quartier/sign",
                        signing_fields(port, "Marie", "marie@example.org", {{"postcode", "69003"}}))
                  .status,
              303u);
    EXPECT_EQ(petition_json(port, "quartier").at("postcode_required").as_bool(), true);
}

class SigningRateLimited : public Signing {
  protected:
    SigningRateLimited() : Signing("[shield]\nsign_per_ip = { per_minute = 1, burst = 2 }\n") {}
};

TEST_F(SigningRateLimited, TheThirdSignatureFromOneAddressWaitsWithRetryAfter) {
    EXPECT_EQ(sign(signing_fields(server_.port(), "A", "a@example.org")).status, 303u);
    EXPECT_EQ(sign(signing_fields(server_.port(), "B", "b@example.org")).status, 303u);
    const auto third =
        sign(signing_fields(server_.port(), "C", "c@example.org"), {{"Accept-Language", "en"}});
    EXPECT_EQ(third.status, 429u);
    const auto retry = std::stoi(third.header("retry-after"));
    EXPECT_GE(retry, 1);
    EXPECT_LE(retry, 60);
    EXPECT_TRUE(contains(third.body, "Too many requests"));
    EXPECT_EQ(refused_attempts(server_, "rate_limited_ip", "1"), "1");
    EXPECT_EQ(query(server_, "SELECT verdict FROM signing_events WHERE verdict LIKE 'rate%'"),
              std::vector<std::string>{});
}

TEST(SigningWithSmtp, TheConfirmationGoesThroughARealSmtpServer) {
    SmtpSink sink;
    ASSERT_NE(sink.port(), 0);
    ServerProcess server("[mail]\ntransport = \"smtp\"\nsmtp_url = \"" + sink.url() +
                         "\"\nfrom = \"petitions@example.org\"\n");
    create_petition(server, "velo");
    server.start();
    const auto port = server.port();
    ASSERT_EQ(post_form(port, "/petitions/velo/sign",
                        signing_fields(port, "Émilie Dupré", "emilie@example.org"),
                        {{"Accept-Language", "fr"}})
                  .status,
              303u);
    const auto mails = sink.wait_for(1);
    ASSERT_EQ(mails.size(), 1u);
    const auto& mail = mails[0].message;
    EXPECT_NE(mails[0].envelope.find("\"mail_from\": \"petitions@example.org\""),
              std::string::npos);
    EXPECT_NE(mails[0].envelope.find("emilie@example.org"), std::string::npos);
    EXPECT_TRUE(contains(mail, "\r\nDate: ") || mail.starts_with("Date: "));
    EXPECT_TRUE(contains(mail, "\r\nMessage-ID: <"));
    EXPECT_TRUE(contains(mail, "\r\nSubject: =?UTF-8?B?"));  // "Confirmez ..." has accents
    EXPECT_TRUE(contains(mail, "\r\nContent-Language: fr\r\n"));
    EXPECT_TRUE(contains(mail, "Content-Type: text/plain; charset=utf-8"));
    EXPECT_TRUE(contains(mail, "Content-Type: text/html; charset=utf-8"));
    EXPECT_TRUE(contains(decoded_body(mail), "Bonjour Émilie,"));  // the first name only
    const auto link = confirmation_link(mail);
    ASSERT_FALSE(link.empty());
    EXPECT_EQ(post_form(port, "/s/" + link_token(link) + "/confirm", {}).status, 303u);
    EXPECT_EQ(wait_for_count(port, "velo", 1), 1);
}

TEST(SigningWithSmtp, AMailServerOutageLosesNoMail) {
    // Nothing listens at first: the signature is taken, its mail waits in the outbox.
    const auto mail_port = free_loopback_port();
    ServerProcess server("[mail]\ntransport = \"smtp\"\nsmtp_url = \"smtp://127.0.0.1:" +
                         std::to_string(mail_port) + "\"\nretry_first_s = 1\n");
    create_petition(server, "velo");
    server.start();
    ASSERT_EQ(post_form(server.port(), "/petitions/velo/sign",
                        signing_fields(server.port(), "Marie", "marie@example.org"))
                  .status,
              303u);
    EXPECT_TRUE(server.log_contains("MAIL_DEFERRED id=1 attempts=1"));
    EXPECT_EQ(query(server, "SELECT state FROM outbox")[0], "queued");
    // The server is restarted meanwhile: the queued mail survives it.
    EXPECT_EQ(server.stop(), 0);
    SmtpSink sink;  // on a port of its own: point the config at it
    ASSERT_NE(sink.port(), 0);
    {
        std::ifstream in(server.config_file());
        std::string text((std::istreambuf_iterator<char>(in)), {});
        const auto from = "smtp://127.0.0.1:" + std::to_string(mail_port);
        text.replace(text.find(from), from.size(), sink.url());
        std::ofstream(server.config_file()) << text;
    }
    server.start();
    const auto mails = sink.wait_for(1, std::chrono::milliseconds(20000));
    ASSERT_EQ(mails.size(), 1u);
    EXPECT_FALSE(confirmation_link(mails[0].message).empty());
    for (int i = 0; i < 100 && query(server, "SELECT state FROM outbox")[0] != "sent"; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(query(server, "SELECT state, message FROM outbox")[0], "sent|");
}

TEST(SigningWithDns, ADomainThatTakesNoMailIsRefusedAndOneThatDoesIsTaken) {
    DnsServer dns;
    ASSERT_NE(dns.port(), 0);
    ServerProcess server("[dns]\ncheck_mx = true\nservers = [\"" + dns.address() + "\"]\n");
    create_petition(server, "velo");
    server.start();
    const auto port = server.port();
    for (const char* domain : {"no-records.test", "null-mx.test", "nothing-here.test"}) {
        const auto response =
            post_form(port, "/petitions/velo/sign",
                      signing_fields(port, "Marie", std::string("marie@") + domain),
                      {{"Accept-Language", "en"}});
        EXPECT_EQ(response.status, 422u) << domain;
        EXPECT_TRUE(contains(response.body, "domain cannot receive mail")) << domain;
    }
    for (const char* domain : {"has-mx.test", "a-only.test"})
        EXPECT_EQ(post_form(port, "/petitions/velo/sign",
                            signing_fields(port, "Marie", std::string("marie@") + domain))
                      .status,
                  303u)
            << domain;
    EXPECT_EQ(query(server, "SELECT COUNT(*) FROM signatures")[0], "2");
}

TEST(SigningWithDns, WhenDnsDoesNotAnswerTheSignatureIsTakenAndItsMailDecides) {
    SilentDnsServer silent;
    ServerProcess server("[dns]\ncheck_mx = true\ntimeout_ms = 200\nservers = [\"" +
                         silent.address() + "\"]\n");
    create_petition(server, "velo");
    server.start();
    const auto response = post_form(server.port(), "/petitions/velo/sign",
                                    signing_fields(server.port(), "Marie", "marie@has-mx.test"));
    EXPECT_EQ(response.status, 303u);
    EXPECT_TRUE(server.log_contains("DNS_CHECK_UNKNOWN domain=has-mx.test"));
    EXPECT_EQ(query(server, "SELECT state FROM signatures")[0], "pending");
    EXPECT_EQ(wait_for_mails(maildir(server), 1).size(), 1u);
}

TEST(SigningWithDns, AnUnusableDnsServerStopsTheStartWithAClearMessage) {
    ServerProcess server("[dns]\ncheck_mx = true\nservers = [\"127.0.0.1:99999\"]\n");
    std::string output;
    EXPECT_NE(server.run_cli({"serve"}, &output), 0);
    EXPECT_TRUE(contains(output, "[dns] servers")) << output;
}

}  // namespace
}  // namespace rempart::testing
