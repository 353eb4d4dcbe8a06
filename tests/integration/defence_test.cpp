// The defence against the real server: the seed's flood is quarantined by itself, a real
// signer beside it still counts.
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <fstream>
#include <thread>

#include "client/http_client.hpp"
#include "client/signing_client.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

TEST(Defence, TheSeedsFloodIsQuarantinedAndARealSignerStillCounts) {
    // The flood comes through a trusted proxy from many addresses, as a botnet's would.
    ServerProcess server(
        "[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n"
        "[shield]\npow_max_number = 50\n"
        "[site]\ndefault_language = \"en\"\n"
        "[mail]\nadmin_alerts_to = [\"admin@example.org\"]\n");
    const auto text = server.dir() / "velo.md";
    std::ofstream(text) << "Texte.\n";
    std::string output;
    ASSERT_EQ(server.run_cli({"petition", "create", "--slug", "velo", "--title", "Vélo",
                              "--text-file", text.string()},
                             &output),
              0)
        << output;
    server.start();
    const auto port = server.port();
    const auto sign = [&](const std::string& name, const std::string& email,
                          const std::string& ip) {
        // Once an incident is open the petition asks for more work: the bot pays it.
        return post_form(
            port, "/petitions/velo/sign",
            signing_fields(port, name, email,
                           {{"comment", "déso pas déso"}, {"altcha", solve_altcha(port, "velo")}}),
            {{"X-Forwarded-For", ip}});
    };
    ASSERT_EQ(post_form(port, "/petitions/velo/sign",
                        signing_fields(port, "Marie Curie", "marie@example.org"),
                        {{"X-Forwarded-For", "198.51.100.7"}})
                  .status,
              303u);
    int accepted = 0;
    int banned = 0;
    for (int i = 0; i < 40; ++i) {
        // A bot of the flood's network under another name and without the comment: it
        // carries none of the values that will stand out, only its network.
        if (i == 4) {
            ASSERT_EQ(post_form(port, "/petitions/velo/sign",
                                signing_fields(port, "Elon Musk", "elon@mail99.example"),
                                {{"X-Forwarded-For", "203.0.113.250"}})
                          .status,
                      303u);
        }
        const auto ip = "203.0." + std::to_string(113 + i % 3) + "." + std::to_string(i + 1);
        // Real-looking addresses, spread over many domains as the seed's were.
        const auto answer =
            sign(i % 2 ? "Jeff Bezos" : "Bill Gates",
                 "bot" + std::to_string(i) + "@mail" + std::to_string(i % 20) + ".example", ip);
        if (answer.status == 303) {
            ++accepted;  // same answer as anyone: the flood learns nothing
            continue;
        }
        // Once the incident is open, the three networks that sent it are refused.
        ASSERT_EQ(answer.status, 429u) << i;
        EXPECT_GT(std::stoi(answer.header("Retry-After")), 60);
        ++banned;
    }
    EXPECT_EQ(accepted, 30);  // the comment stood out at its 30th
    EXPECT_EQ(banned, 10);
    // A real signer from another network still signs.
    ASSERT_EQ(post_form(port, "/petitions/velo/sign",
                        signing_fields(port, "Pierre Curie", "pierre@example.org",
                                       {{"altcha", solve_altcha(port, "velo")}}),
                        {{"X-Forwarded-For", "198.51.100.8"}})
                  .status,
              303u);
    // Every mail confirmed by script, as in the second attack.
    const auto mails = wait_for_mails(server.dir() / "data" / "mail", 34);
    ASSERT_GE(mails.size(), 34u);
    std::string alert;
    for (const auto& mail : mails) {
        if (mail.find("To: admin@example.org") != std::string::npos) {
            alert = decoded_body(mail);
            continue;
        }
        post_form(port, "/s/" + link_token(confirmation_link(mail)) + "/confirm", {});
    }
    // The admins heard of it, with no one awake to look.
    ASSERT_FALSE(alert.empty());
    EXPECT_NE(alert.find("look scripted, and acted by itself"), std::string::npos) << alert;
    EXPECT_NE(alert.find("signatures were quarantined"), std::string::npos) << alert;
    EXPECT_NE(alert.find("3 networks or network operators"), std::string::npos) << alert;
    EXPECT_NE(alert.find("/admin/incidents/1"), std::string::npos) << alert;

    EXPECT_TRUE(server.log_contains("INCIDENT_OPENED"));
    EXPECT_EQ(api_signature_count(port, "velo"), 2);  // Marie and Pierre only
    // The 30 with the comment, and the bot of a banned network that sent little else.
    EXPECT_EQ(store_value(server, "SELECT COUNT(*) FROM signatures WHERE state = 'quarantined'"),
              "31");
    EXPECT_EQ(store_value(server, "SELECT state FROM signatures WHERE name = 'Elon Musk'"),
              "quarantined");
    EXPECT_EQ(store_value(server, "SELECT COUNT(*) FROM incidents"), "1");  // one attack
    EXPECT_EQ(store_value(server, "SELECT COUNT(*) FROM bans"), "3");
    EXPECT_EQ(store_value(server, "SELECT COUNT(*) FROM signatures"), "33");  // nothing deleted
    // The proof of work asked on this petition is now harder.
    const auto challenge = http_get(port, "/altcha/challenge?petition=velo");
    EXPECT_GT(boost::json::parse(challenge.body).at("maxnumber").as_int64(), 50);
    const auto metrics = http_get(port, "/metrics");
    EXPECT_NE(metrics.body.find("rempart_incidents_opened_total "), std::string::npos);
    EXPECT_EQ(metrics.body.find("rempart_signatures_quarantined_total 0\n"), std::string::npos);
    EXPECT_NE(metrics.body.find("rempart_bans_total 3\n"), std::string::npos);
    EXPECT_NE(metrics.body.find("rempart_containment_seconds_count 1\n"), std::string::npos);
    EXPECT_NE(metrics.body.find("rempart_signing_attempts_total{verdict=\"banned\"} 10\n"),
              std::string::npos);
    EXPECT_EQ(store_value(server, "SELECT COUNT(DISTINCT signature_id) FROM quarantine_holds"),
              "31");

    // After a restart, the bans and the harder proof of work still stand.
    ASSERT_EQ(server.stop(), 0);
    server.start();
    EXPECT_EQ(sign("Bill Gates", "bot99@mail1.example", "203.0.113.99").status, 429u);
    const auto after = http_get(port, "/altcha/challenge?petition=velo");
    EXPECT_GT(boost::json::parse(after.body).at("maxnumber").as_int64(), 50);
}

TEST(Defence, SignaturesConfirmedByScriptFromOneNetworkAreQuarantined) {
    // Varied names, no comment, a domain each, spread over six ASes, a browser's user agent:
    // nothing stands out at signing. The script reading the mailboxes confirms them all
    // from one address, and says it is no browser.
    ServerProcess server(
        "[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n"
        "[shield]\npow_max_number = 50\n");
    const auto text = server.dir() / "velo.md";
    std::ofstream(text) << "Texte.\n";
    std::string output;
    ASSERT_EQ(server.run_cli({"petition", "create", "--slug", "velo", "--title", "Vélo",
                              "--text-file", text.string()},
                             &output),
              0)
        << output;
    server.start();
    const auto port = server.port();
    const char* networks[] = {"127.0.",   "127.1.",      "127.2.",
                              "192.0.2.", "198.51.100.", "203.0.113."};
    constexpr int fakes = 36;
    const std::string browser =
        "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    for (int i = 0; i < fakes; ++i) {
        const auto ip = std::string(networks[i % 6]) + std::to_string(i + 1);
        ASSERT_EQ(post_form(port, "/petitions/velo/sign",
                            signing_fields(
                                port, "Personne " + std::to_string(i * 7919 % 1000),
                                "p" + std::to_string(i) + "@d" + std::to_string(i) + ".example"),
                            {{"X-Forwarded-For", ip}, {"User-Agent", browser}})
                      .status,
                  303u)
            << i;
    }
    ASSERT_EQ(post_form(port, "/petitions/velo/sign",
                        signing_fields(port, "Marie Curie", "marie@example.org"),
                        {{"X-Forwarded-For", "198.51.100.200"}})
                  .status,
              303u);
    const auto mails = wait_for_mails(server.dir() / "data" / "mail", fakes + 1);
    ASSERT_EQ(mails.size(), static_cast<std::size_t>(fakes + 1));
    for (const auto& mail : mails) {
        const bool marie = mail.find("To: marie@example.org") != std::string::npos;
        EXPECT_EQ(post_form(port, "/s/" + link_token(confirmation_link(mail)) + "/confirm", {},
                            {{"X-Forwarded-For", marie ? "198.51.100.200" : "127.3.0.9"}})
                      .status,
                  303u);
    }
    EXPECT_TRUE(server.log_contains("dimension=confirm_network"));
    EXPECT_EQ(api_signature_count(port, "velo"), 1);  // Marie only
    EXPECT_EQ(store_value(server, "SELECT COUNT(*) FROM signatures WHERE state = 'quarantined'"),
              std::to_string(fakes));
    EXPECT_EQ(store_value(server, "SELECT dimension FROM incident_clusters"), "confirm_network");
}

}  // namespace
}  // namespace rempart::testing
