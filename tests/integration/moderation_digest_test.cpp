// The moderators' daily digest against the real server: sent once a day to moderators and
// admins when something waits, remembered across a restart, and never to organisers.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "client/http_client.hpp"
#include "client/signing_client.hpp"
#include "support/admin_browser.hpp"
#include "support/contains.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

using testing::contains;

void set_digest_hour(const ServerProcess& server, const std::string& from, const std::string& to) {
    std::ifstream in(server.config_file());
    std::stringstream text;
    text << in.rdbuf();
    auto config = text.str();
    const auto at = config.find(from);
    ASSERT_NE(at, std::string::npos) << config;
    config.replace(at, from.size(), to);
    std::ofstream(server.config_file(), std::ios::trunc) << config;
}

TEST(ModerationDigest, OneMailADayToTheModeratorsWhenSomethingWaits) {
    ServerProcess server("[submissions]\nopen = true\ndigest_hour = -1\n");
    server.create_petition("parc", "Sauvons le parc");
    add_account(server, "mo@example.org", "moderator");
    add_account(server, "ana@example.org", "admin");
    add_account(server, "olga@example.org", "organiser");
    server.start();
    const auto maildir = server.dir() / "data" / "mail";
    Fields fields{{"title", "Ouvrir la piscine en août"},
                  {"text", "Texte."},
                  {"target_name", "Le maire"},
                  {"author_name", "Camille"},
                  {"author_email", "camille@example.org"},
                  {"accept_terms", "1"},
                  {"altcha", solve_altcha(server.port(), "~propose")}};
    ASSERT_EQ(post_form(server.port(), "/propose", fields).status, 303u);
    const auto proposed = wait_for_mails(maildir, 1);
    ASSERT_EQ(proposed.size(), 1u);
    const auto body = decoded_body(proposed[0]);
    const auto at = body.find("/p/");
    ASSERT_NE(at, std::string::npos);
    const auto link = body.substr(at, body.find_first_of(" \r\n\"<", at) - at);
    ASSERT_EQ(post_form(server.port(), link + "/confirm", {}).status, 303u);
    ASSERT_EQ(
        post_form(server.port(), "/petitions/parc/report",
                  {{"reason", "Publicité."}, {"altcha", solve_altcha(server.port(), "~report")}})
            .status,
        303u);
    ASSERT_EQ(server.stop(), 0);

    // From hour 0 the digest is due all day: at start, once.
    set_digest_hour(server, "digest_hour = -1", "digest_hour = 0");
    server.start();
    const auto mails = wait_for_mails(maildir, 3);
    ASSERT_EQ(mails.size(), 3u);
    std::vector<std::string> to;
    for (std::size_t i = 1; i < 3; ++i) {
        EXPECT_TRUE(
            contains(decoded_body(mails[i]), "En attente d'une décision : 1 pétition proposée."))
            << decoded_body(mails[i]);
        EXPECT_TRUE(contains(decoded_body(mails[i]), "Signalées par des visiteurs : 1 pétition"));
        EXPECT_TRUE(contains(decoded_body(mails[i]), "/admin/moderation"));
        to.push_back(contains(mails[i], "To: mo@example.org")    ? "mo"
                     : contains(mails[i], "To: ana@example.org") ? "ana"
                                                                 : "?");
    }
    std::sort(to.begin(), to.end());
    EXPECT_EQ(to, (std::vector<std::string>{"ana", "mo"}));
    ASSERT_EQ(server.stop(), 0);
    server.start();
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    EXPECT_EQ(maildir_messages(maildir).size(), 3u);  // not twice the same day
    EXPECT_FALSE(store_value(server,
                             "SELECT value FROM site_settings WHERE name = "
                             "'moderation.digest_day'")
                     .empty());
}

}  // namespace
}  // namespace rempart::testing
