// The site's settings from the back office against the real server: an admin's save shows on
// every page (the gate's included) and in every mail at once, is audited, outlives a restart
// over the config file, and can be undone; bad input is shown beside its field and saves
// nothing; only admins reach the page, and every post carries its token.
#include <gtest/gtest.h>

#include <string>

#include "client/http_client.hpp"
#include "client/signing_client.hpp"
#include "support/admin_browser.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

const Fields new_settings = {
    {"site_name", "Les Amis du Parc"},
    {"controller", "Association Les Amis du Parc"},
    {"contact_email", "Contact@Amis.example"},
    {"postal_address", "12 rue des Tilleuls\r\n69001 Lyon"},
    {"hosting_provider", "Hébergeur Coopératif"},
    {"default_language", "en"},
    {"mail_from", "petitions@amis.example"},
    {"admin_alerts_to", "alerts@amis.example, Second@amis.example"},
};

class SiteSettings : public ::testing::Test {
  protected:
    void SetUp() override {
        server_.create_petition("parc", "Sauvons le parc");
        const auto admin_once = add_account(server_, "ana@example.org", "admin");
        organiser_once_ = add_account(server_, "olga@example.org", "organiser");
        server_.start();
        ASSERT_EQ(admin_.first_log_in("ana@example.org", admin_once, chosen_password).status, 303u);
    }
    HttpResponse save(Fields fields) {
        fields.insert(fields.begin(), {"csrf", admin_.csrf_of("/admin/settings")});
        return admin_.post("/admin/settings", fields);
    }
    // A public page as a French visitor sees it.
    HttpResponse page(const std::string& target) {
        return http_get(server_.port(), target, {{"Accept-Language", "fr"}});
    }

    ServerProcess server_{
        "[site]\nname = \"Rempart Essai\"\ncontroller = \"Association du fichier\"\n"
        "[mail]\nfrom = \"file@example.org\"\n"};
    AdminBrowser admin_{server_.port()};
    std::string organiser_once_;
};

TEST_F(SiteSettings, ASaveShowsOnEveryPageAndMailAtOnceAndOutlivesARestart) {
    // The pages are in the cache with the config file's names before the save.
    ASSERT_NE(page("/").body.find("Rempart Essai"), std::string::npos);
    ASSERT_NE(page("/privacy").body.find("Association du fichier"), std::string::npos);
    ASSERT_NE(page("/petitions/parc").body.find("Rempart Essai"), std::string::npos);

    const auto saved = save(new_settings);
    ASSERT_EQ(saved.status, 303u) << saved.body;
    EXPECT_EQ(saved.headers.at("location"), "/admin/settings?done=saved");

    for (const auto* target : {"/", "/petitions/parc", "/privacy", "/terms"}) {
        const auto body = page(target).body;
        EXPECT_NE(body.find("Les Amis du Parc"), std::string::npos) << target;
        EXPECT_EQ(body.find("Rempart Essai"), std::string::npos) << target;
    }
    const auto privacy = page("/privacy").body;
    EXPECT_NE(privacy.find("Association Les Amis du Parc"), std::string::npos);
    EXPECT_NE(privacy.find("12 rue des Tilleuls, 69001 Lyon"), std::string::npos);
    EXPECT_NE(privacy.find("contact@amis.example"), std::string::npos);
    // A visitor whose browser asks for no language we have gets the new default.
    EXPECT_NE(http_get(server_.port(), "/", {{"Accept-Language", "de"}}).body.find("lang=\"en\""),
              std::string::npos);

    // A confirmation mail leaves from the new sender, under the new name.
    ASSERT_EQ(post_form(server_.port(), "/petitions/parc/sign",
                        signing_fields(server_.port(), "Camille Martin", "camille@example.org"))
                  .status,
              303u);
    const auto mails = wait_for_mails(server_.dir() / "data" / "mail", 1);
    ASSERT_EQ(mails.size(), 1u);
    EXPECT_NE(mails[0].find("petitions@amis.example"), std::string::npos);
    EXPECT_NE(mails[0].find("Les Amis du Parc"), std::string::npos);
    EXPECT_EQ(mails[0].find("file@example.org"), std::string::npos);

    // The gate's page, rendered at start, follows too.
    const auto csrf = admin_.csrf_of("/admin/shield");
    ASSERT_EQ(admin_.post("/admin/shield/mode", {{"csrf", csrf}, {"mode", "on"}}).status, 303u);
    const auto gated = page("/");
    EXPECT_EQ(gated.status, 503u);
    EXPECT_NE(gated.body.find("Les Amis du Parc"), std::string::npos);
    ASSERT_EQ(admin_.post("/admin/shield/mode", {{"csrf", csrf}, {"mode", "auto"}}).status, 303u);

    // Audited, and the page says who saved each value and what the config file says.
    EXPECT_NE(store_value(server_, "SELECT detail FROM audit_log WHERE action = 'settings_changed'")
                  .find("site.name: \"Rempart Essai\" -> \"Les Amis du Parc\""),
              std::string::npos);
    const auto shown = admin_.get("/admin/settings").body;
    EXPECT_NE(shown.find("Saved here by ana@example.org"), std::string::npos);
    EXPECT_NE(shown.find("the config file says: Rempart Essai"), std::string::npos);
    EXPECT_NE(shown.find("alerts@amis.example, second@amis.example"), std::string::npos);

    // The store wins over the config file after a restart.
    ASSERT_EQ(server_.stop(), 0);
    server_.start();
    EXPECT_NE(page("/").body.find("Les Amis du Parc"), std::string::npos);

    // Back to the config file: the pages say its names again, and stay so after a restart.
    AdminBrowser admin(server_.port());
    ASSERT_EQ(admin.log_in("ana@example.org", chosen_password).status, 303u);
    const auto reset =
        admin.post("/admin/settings/reset", {{"csrf", admin.csrf_of("/admin/settings")}});
    ASSERT_EQ(reset.status, 303u);
    EXPECT_NE(page("/").body.find("Rempart Essai"), std::string::npos);
    EXPECT_EQ(store_value(server_,
                          "SELECT COUNT(*) FROM site_settings WHERE name LIKE 'site.%' "
                          "OR name LIKE 'mail.%'"),
              "0");
    EXPECT_EQ(
        store_value(server_, "SELECT COUNT(*) FROM audit_log WHERE action = 'settings_reset'"),
        "1");
    ASSERT_EQ(server_.stop(), 0);
    server_.start();
    EXPECT_NE(page("/").body.find("Rempart Essai"), std::string::npos);
}

TEST_F(SiteSettings, BadInputShowsBesideItsFieldKeepsWhatWasTypedAndSavesNothing) {
    auto fields = new_settings;
    for (auto& [name, value] : fields) {
        if (name == "site_name") value = "   ";
        if (name == "mail_from") value = "not-an-address";
        if (name == "admin_alerts_to") value = "alerts@amis.example, oops@";
    }
    const auto refused = save(fields);
    EXPECT_EQ(refused.status, 422u);
    EXPECT_NE(refused.body.find("id=\"site_name-error\""), std::string::npos);
    EXPECT_NE(refused.body.find("This cannot be empty."), std::string::npos);
    EXPECT_NE(refused.body.find("This is not an e-mail address: not-an-address"),
              std::string::npos);
    EXPECT_NE(refused.body.find("This is not an e-mail address: oops@"), std::string::npos);
    // What was typed stays, the good fields included.
    EXPECT_NE(refused.body.find("value=\"not-an-address\""), std::string::npos);
    EXPECT_NE(refused.body.find("Association Les Amis du Parc"), std::string::npos);
    // The moderators' digest keeps the day it went out there, from 07:00 UTC: not a setting.
    EXPECT_EQ(store_value(server_,
                          "SELECT COUNT(*) FROM site_settings WHERE name NOT LIKE "
                          "'moderation.%'"),
              "0");
    EXPECT_NE(page("/").body.find("Rempart Essai"), std::string::npos);

    auto foreign = new_settings;
    foreign[5].second = "de";
    const auto language = save(foreign);
    EXPECT_EQ(language.status, 422u);
    EXPECT_NE(language.body.find("Choose French or English."), std::string::npos);

    auto long_name = new_settings;
    long_name[0].second = std::string(81, 'x');
    EXPECT_EQ(save(long_name).status, 422u);

    // The same values again: nothing to write, nothing audited.
    ASSERT_EQ(save(new_settings).status, 303u);
    const auto again = save(new_settings);
    EXPECT_EQ(again.headers.at("location"), "/admin/settings?done=unchanged");
    EXPECT_EQ(store_value(server_,
                          "SELECT COUNT(*) FROM audit_log WHERE action = "
                          "'settings_changed'"),
              "1");
}

TEST_F(SiteSettings, OnlyAdminsReachThePageAndEveryPostCarriesItsToken) {
    AdminBrowser organiser(server_.port());
    ASSERT_EQ(organiser.first_log_in("olga@example.org", organiser_once_, chosen_password).status,
              303u);
    EXPECT_EQ(organiser.get("/admin/settings").status, 403u);
    EXPECT_EQ(organiser.post("/admin/settings", new_settings).status, 403u);
    EXPECT_EQ(organiser.get("/admin").body.find("/admin/settings"), std::string::npos);
    EXPECT_NE(admin_.get("/admin").body.find("href=\"/admin/settings\""), std::string::npos);

    EXPECT_EQ(admin_.post("/admin/settings", new_settings).status, 403u) << "no csrf";
    EXPECT_EQ(admin_.post("/admin/settings/reset", {}).status, 403u) << "no csrf";
    // The moderators' digest keeps the day it went out there, from 07:00 UTC: not a setting.
    EXPECT_EQ(store_value(server_,
                          "SELECT COUNT(*) FROM site_settings WHERE name NOT LIKE "
                          "'moderation.%'"),
              "0");
    EXPECT_NE(page("/").body.find("Rempart Essai"), std::string::npos);
}

}  // namespace
}  // namespace rempart::testing
