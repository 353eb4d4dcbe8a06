// Petitions in the back office against the real server: an organiser writes a draft,
// previews it, shares a private link, publishes, corrects and closes it; bad input is
// refused beside its field; roles and CSRF hold.
#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <thread>
#include <tuple>

#include "client/http_client.hpp"
#include "client/signing_client.hpp"
#include "support/admin_browser.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

using namespace std::chrono_literals;

// The public page as a visitor sees it, once the catalog (reloaded each second) has
// caught up with the back office; the last answer after 10 s.
HttpResponse public_page_when(std::uint16_t port, const std::string& target,
                              const std::function<bool(const HttpResponse&)>& ready) {
    HttpResponse page;
    for (int i = 0; i < 100; ++i) {
        page = http_get(port, target, {{"Accept-Language", "en"}});
        if (ready(page)) break;
        std::this_thread::sleep_for(100ms);
    }
    return page;
}

std::string edit_path_of(const HttpResponse& created) {
    static const std::regex path("^(/admin/petitions/[0-9]+/edit)\\?done=created$");
    std::smatch match;
    const auto location = created.header("Location");
    if (!std::regex_match(location, match, path)) return {};
    return match[1];
}

class AdminPetitions : public ::testing::Test {
  protected:
    void SetUp() override {
        server_.create_petition("existante", "Une pétition existante");
        add_account("olga@example.org", "organiser");
        add_account("mod@example.org", "moderator");
        server_.start();
        ASSERT_EQ(
            organiser_.first_log_in("olga@example.org", passwords_[0], chosen_password).status,
            303u);
        csrf_ = organiser_.csrf_of("/admin/petitions/new");
    }
    void add_account(const std::string& email, const std::string& role) {
        std::string output;
        ASSERT_EQ(server_.run_cli({"user", "add", "--email", email, "--role", role}, &output), 0);
        passwords_.push_back(line_after(output, "One-time password:"));
    }
    Fields petition_fields(const std::string& title, const Fields& extra = {}) const {
        Fields fields{{"csrf", csrf_},
                      {"title", title},
                      {"slug", ""},
                      {"summary", "Des pistes sûres pour aller à l'école."},
                      {"text", "Nous demandons **des pistes cyclables** devant chaque école."},
                      {"goal", "1000"},
                      {"target_name", "Grégory Doucet"},
                      {"target_function", "Maire de Lyon"},
                      {"target_email", "maire@lyon.example"},
                      {"ends_on", ""},
                      {"language", "fr"},
                      {"action", "save"}};
        for (const auto& [name, value] : extra)
            for (auto& field : fields)
                if (field.first == name) field.second = value;
        return fields;
    }
    // A draft made through the form; its edit page's path.
    std::string create_draft(const std::string& title, const Fields& extra = {}) {
        const auto created = organiser_.post("/admin/petitions/new", petition_fields(title, extra));
        EXPECT_EQ(created.status, 303u) << created.body;
        return edit_path_of(created);
    }
    HttpResponse step(const std::string& edit_path, const std::string& name) {
        const auto base = edit_path.substr(0, edit_path.size() - std::string("/edit").size());
        return organiser_.post(base + "/" + name, {{"csrf", csrf_}});
    }

    ServerProcess server_;
    AdminBrowser organiser_{server_.port()};
    std::vector<std::string> passwords_;
    std::string csrf_;
};

TEST_F(AdminPetitions, AnOrganiserWritesPreviewsPublishesCorrectsAndClosesAPetition) {
    // Preview: the text rendered by the public page's renderer, nothing saved.
    const auto preview = organiser_.post(
        "/admin/petitions/new",
        petition_fields(
            "Des pistes cyclables à Lyon",
            {{"action", "preview"}, {"text", "Nous **demandons**.\n\n<script>alert(1)</script>"}}));
    ASSERT_EQ(preview.status, 200u) << preview.body;
    EXPECT_NE(preview.body.find("<strong>demandons</strong>"), std::string::npos);
    EXPECT_EQ(preview.body.find("<script>alert(1)"), std::string::npos);
    EXPECT_EQ(input_value(preview.body, "slug"), "des-pistes-cyclables-a-lyon");
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM petitions"), "1");

    const auto edit = create_draft("Des pistes cyclables à Lyon");
    ASSERT_FALSE(edit.empty());
    const auto page = organiser_.get(edit + "?done=created");
    ASSERT_EQ(page.status, 200u);
    EXPECT_NE(page.body.find("The draft is saved."), std::string::npos);
    EXPECT_EQ(input_value(page.body, "target_name"), "Grégory Doucet");
    EXPECT_EQ(store_value(server_,
                          "SELECT state FROM petitions WHERE slug = "
                          "'des-pistes-cyclables-a-lyon'"),
              "draft");
    // A draft is nowhere in public.
    EXPECT_EQ(http_get(server_.port(), "/petitions/des-pistes-cyclables-a-lyon").status, 404u);
    EXPECT_EQ(http_get(server_.port(), "/api/petitions/des-pistes-cyclables-a-lyon").status, 404u);
    EXPECT_EQ(http_get(server_.port(), "/").body.find("Des pistes cyclables"), std::string::npos);

    // A private preview link, for colleagues with no account; a new one stops the old one.
    const auto linked = step(edit, "preview-link");
    ASSERT_EQ(linked.status, 200u) << linked.body;
    static const std::regex link_pattern("/preview/([A-Za-z0-9_-]{43})");
    std::smatch match;
    ASSERT_TRUE(std::regex_search(linked.body, match, link_pattern)) << linked.body;
    const std::string first_link = match[0];
    const auto shown = http_get(server_.port(), first_link, {{"Accept-Language", "en"}});
    ASSERT_EQ(shown.status, 200u);
    EXPECT_NE(shown.body.find("This is a draft"), std::string::npos);
    EXPECT_NE(shown.body.find("<strong>des pistes cyclables</strong>"), std::string::npos);
    EXPECT_EQ(shown.header("X-Robots-Tag"), "noindex, nofollow");
    EXPECT_EQ(shown.header("Cache-Control"), "no-store");
    EXPECT_EQ(shown.body.find("name=\"altcha\""), std::string::npos);
    const auto relinked = step(edit, "preview-link");
    ASSERT_TRUE(std::regex_search(relinked.body, match, link_pattern));
    EXPECT_NE(match[0], first_link);
    EXPECT_EQ(http_get(server_.port(), first_link).status, 404u);
    const std::string second_link = match[0];

    // Publish; a second click finds it done and changes nothing.
    const auto published = step(edit, "publish");
    EXPECT_EQ(published.status, 303u);
    EXPECT_EQ(published.header("Location"), edit + "?done=publish");
    const auto twice = step(edit, "publish");
    EXPECT_EQ(twice.status, 409u);
    EXPECT_NE(twice.body.find("published already"), std::string::npos);
    EXPECT_EQ(http_get(server_.port(), second_link).status, 404u);
    const auto live = public_page_when(server_.port(), "/petitions/des-pistes-cyclables-a-lyon",
                                       [](const HttpResponse& r) { return r.status == 200; });
    ASSERT_EQ(live.status, 200u);
    EXPECT_NE(live.body.find("Addressed to: Grégory Doucet, Maire de Lyon"), std::string::npos);
    EXPECT_EQ(live.body.find("maire@lyon.example"), std::string::npos);
    EXPECT_EQ(live.body.find("Updated on"), std::string::npos);
    const auto signed_up =
        post_form(server_.port(), "/petitions/des-pistes-cyclables-a-lyon/sign",
                  signing_fields(server_.port(), "Camille Martin", "camille@example.org"));
    EXPECT_EQ(signed_up.status, 303u) << signed_up.body;

    // The slug is out: it cannot change. The text can, and the change is shown publicly.
    const auto moved = organiser_.post(
        edit, petition_fields("Des pistes cyclables à Lyon", {{"slug", "autre-adresse"}}));
    EXPECT_EQ(moved.status, 422u);
    EXPECT_NE(moved.body.find("cannot change: it has been shared already"), std::string::npos);
    const auto corrected = organiser_.post(
        edit, petition_fields("Des pistes cyclables à Lyon",
                              {{"slug", "des-pistes-cyclables-a-lyon"},
                               {"text",
                                "Nous demandons **des pistes cyclables** devant chaque "
                                "école et chaque collège."}}));
    EXPECT_EQ(corrected.status, 303u) << corrected.body;
    EXPECT_EQ(corrected.header("Location"), edit + "?done=saved");
    const auto again = organiser_.post(
        edit, petition_fields("Des pistes cyclables à Lyon",
                              {{"text",
                                "Nous demandons **des pistes cyclables** devant chaque "
                                "école et chaque collège."}}));
    EXPECT_EQ(again.header("Location"), edit + "?done=unchanged");
    const auto updated = public_page_when(
        server_.port(), "/petitions/des-pistes-cyclables-a-lyon",
        [](const HttpResponse& r) { return r.body.find("Updated on") != std::string::npos; });
    EXPECT_NE(updated.body.find("et chaque collège"), std::string::npos);
    EXPECT_NE(updated.body.find("/petitions/des-pistes-cyclables-a-lyon/history"),
              std::string::npos);
    const auto history = http_get(server_.port(), "/petitions/des-pistes-cyclables-a-lyon/history",
                                  {{"Accept-Language", "en"}});
    ASSERT_EQ(history.status, 200u);
    EXPECT_NE(history.body.find("devant chaque école.</div>"), std::string::npos) << history.body;
    EXPECT_NE(history.body.find("et chaque collège.</div>"), std::string::npos);
    // Changes before publication are the organisers' business, not the public's.
    EXPECT_EQ(history.body.find("Short address"), std::string::npos);
    EXPECT_EQ(store_value(server_,
                          "SELECT COUNT(*) FROM audit_log WHERE action IN "
                          "('petition_created', 'petition_publish', "
                          "'petition_edited', 'petition_preview_link')"),
              "5");

    // Close: signing stops, the page stays. Archive: off the lists, still at its address.
    EXPECT_EQ(step(edit, "close").status, 303u);
    const auto closed = public_page_when(
        server_.port(), "/petitions/des-pistes-cyclables-a-lyon", [](const HttpResponse& r) {
            return r.body.find("This petition is closed") != std::string::npos;
        });
    EXPECT_NE(closed.body.find("This petition is closed"), std::string::npos);
    const auto late = post_form(server_.port(), "/petitions/des-pistes-cyclables-a-lyon/sign",
                                signing_fields(server_.port(), "Léa Roux", "lea@example.org"));
    EXPECT_EQ(late.status, 409u);
    EXPECT_EQ(step(edit, "archive").status, 303u);
    const auto archived = public_page_when(
        server_.port(), "/petitions/des-pistes-cyclables-a-lyon", [](const HttpResponse& r) {
            return r.body.find("This petition is archived") != std::string::npos;
        });
    EXPECT_EQ(archived.status, 200u);
    EXPECT_NE(archived.body.find("This petition is archived"), std::string::npos);
    EXPECT_EQ(http_get(server_.port(), "/").body.find("Des pistes cyclables"), std::string::npos);
    EXPECT_EQ(step(edit, "close").status, 409u);

    const auto list = organiser_.get("/admin/petitions");
    ASSERT_EQ(list.status, 200u);
    EXPECT_NE(list.body.find("data-state=\"archived\""), std::string::npos);
    EXPECT_NE(list.body.find("Une pétition existante"), std::string::npos);
}

TEST_F(AdminPetitions, BadInputIsRefusedBesideEachFieldAndWhatWasTypedStays) {
    const auto refused = organiser_.post(
        "/admin/petitions/new", petition_fields("  ", {{"slug", "Pas Bon"},
                                                       {"text", " "},
                                                       {"goal", "mille"},
                                                       {"target_email", "pas une adresse"},
                                                       {"ends_on", "2020-01-31"},
                                                       {"summary", "Gardé tel quel <b>"}}));
    ASSERT_EQ(refused.status, 422u);
    for (const auto* id : {"slug-error", "title-error", "text-error", "goal-error",
                           "target_email-error", "ends_on-error"})
        EXPECT_NE(refused.body.find(std::string("<small id=\"") + id + "\" class=\"form-error\">"),
                  std::string::npos)
            << id;
    EXPECT_NE(refused.body.find("This day has already passed"), std::string::npos);
    EXPECT_NE(refused.body.find("This is not an e-mail address"), std::string::npos);
    EXPECT_EQ(input_value(refused.body, "goal"), "mille");
    EXPECT_EQ(input_value(refused.body, "ends_on"), "2020-01-31");
    EXPECT_EQ(input_value(refused.body, "summary"), "Gardé tel quel &lt;b&gt;");
    EXPECT_EQ(input_value(refused.body, "slug"), "Pas Bon");
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM petitions"), "1");

    // A slug in use: said beside the slug.
    const auto taken =
        organiser_.post("/admin/petitions/new", petition_fields("Autre", {{"slug", "existante"}}));
    EXPECT_EQ(taken.status, 422u);
    EXPECT_NE(taken.body.find("<small id=\"slug-error\" class=\"form-error\">Another petition "
                              "already uses this short address"),
              std::string::npos);

    // A double click on "create": one draft, both answers lead to it.
    const auto first = organiser_.post("/admin/petitions/new", petition_fields("Double clic"));
    const auto second = organiser_.post("/admin/petitions/new", petition_fields("Double clic"));
    EXPECT_EQ(first.status, 303u);
    EXPECT_EQ(second.status, 303u);
    EXPECT_EQ(first.header("Location"), second.header("Location"));
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM petitions WHERE slug = 'double-clic'"),
              "1");

    // Unknown numbers and a broken edit keep what was stored.
    EXPECT_EQ(organiser_.get("/admin/petitions/999/edit").status, 404u);
    EXPECT_EQ(organiser_.post("/admin/petitions/999/publish", {{"csrf", csrf_}}).status, 404u);
    const auto edit = edit_path_of(first);
    const auto broken = organiser_.post(edit, petition_fields("", {{"slug", "double-clic"}}));
    EXPECT_EQ(broken.status, 422u);
    EXPECT_EQ(store_value(server_, "SELECT title FROM petitions WHERE slug = 'double-clic'"),
              "Double clic");
}

TEST_F(AdminPetitions, RolesAndTokensHold) {
    const auto edit = create_draft("Une pétition à publier");
    ASSERT_FALSE(edit.empty());
    const auto id = edit.substr(std::string("/admin/petitions/").size(),
                                edit.size() - std::string("/admin/petitions//edit").size());

    // An organiser sees neither the accounts, nor the audit log, nor the defence.
    for (const auto* path : {"/admin/users", "/admin/audit", "/admin/incidents", "/admin/shield"})
        EXPECT_EQ(organiser_.get(path).status, 403u) << path;
    const auto home = organiser_.get("/admin");
    EXPECT_NE(home.body.find("href=\"/admin/petitions/new\""), std::string::npos);
    EXPECT_EQ(home.body.find("href=\"/admin/incidents\""), std::string::npos);
    EXPECT_EQ(home.body.find("href=\"/admin/users\""), std::string::npos);

    // Without this session's token, nothing is written.
    EXPECT_EQ(organiser_.post("/admin/petitions/" + id + "/publish", {{"csrf", "forged"}}).status,
              403u);
    EXPECT_EQ(organiser_.post("/admin/petitions/new", {{"title", "Sans jeton"}}).status, 403u);
    EXPECT_EQ(store_value(server_, "SELECT state FROM petitions WHERE id = " + id), "draft");

    // A moderator reads the list and publishes nothing.
    AdminBrowser moderator{server_.port()};
    ASSERT_EQ(moderator.first_log_in("mod@example.org", passwords_[1], chosen_password).status,
              303u);
    const auto list = moderator.get("/admin/petitions");
    EXPECT_EQ(list.status, 200u);
    EXPECT_NE(list.body.find("Une pétition à publier"), std::string::npos);
    EXPECT_EQ(list.body.find("/admin/petitions/new"), std::string::npos);
    const auto token = moderator.csrf_of("/admin/petitions");
    EXPECT_EQ(moderator.post("/admin/petitions/" + id + "/publish", {{"csrf", token}}).status,
              403u);
    EXPECT_EQ(moderator.get("/admin/petitions/new").status, 403u);
    EXPECT_EQ(moderator.get(edit).status, 403u);
    EXPECT_EQ(store_value(server_, "SELECT state FROM petitions WHERE id = " + id), "draft");
    // Nobody logged in is sent to the login page.
    const auto anonymous = http_get(server_.port(), "/admin/petitions");
    EXPECT_EQ(anonymous.status, 303u);
}

TEST_F(AdminPetitions, TheDeliveryListHoldsConfirmedSignaturesOnlyAndNoAddress) {
    const auto port = server_.port();
    ASSERT_EQ(post_form(port, "/petitions/existante/sign",
                        signing_fields(port, "=HYPERLINK(\"http://x\")", "camille@example.org",
                                       {{"postcode", "69003"}, {"comment", "Enfin !"}}))
                  .status,
              303u);
    ASSERT_EQ(post_form(port, "/petitions/existante/sign",
                        signing_fields(port, "Léa Roux", "lea@example.org"))
                  .status,
              303u);
    const auto mails = wait_for_mails(server_.dir() / "data" / "mail", 2);
    ASSERT_EQ(mails.size(), 2u);
    // Camille confirms; Léa does not.
    for (const auto& mail : mails) {
        if (mail.find("To: camille@example.org") != std::string::npos) {
            ASSERT_EQ(post_form(port, "/s/" + link_token(confirmation_link(mail)) + "/confirm", {})
                          .status,
                      303u);
        }
    }
    const auto id = store_value(server_, "SELECT id FROM petitions WHERE slug = 'existante'");

    const auto csv = organiser_.get("/admin/petitions/" + id + "/delivery.csv");
    ASSERT_EQ(csv.status, 200u);
    EXPECT_EQ(csv.header("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_EQ(csv.header("Content-Disposition"),
              "attachment; filename=\"existante-signatures.csv\"");
    EXPECT_EQ(csv.header("Cache-Control"), "no-store");
    EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBF\"No.\",\"Name\"")) << csv.body;
    EXPECT_NE(csv.body.find("\"1\",\"'=HYPERLINK(\"\"http://x\"\")\",\"69003\",\"69\",\"Enfin !\""),
              std::string::npos)
        << csv.body;
    EXPECT_EQ(csv.body.find("Léa"), std::string::npos);
    EXPECT_EQ(csv.body.find("@example.org"), std::string::npos);
    EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 2);

    const auto print = organiser_.get("/admin/petitions/" + id + "/delivery");
    ASSERT_EQ(print.status, 200u);
    EXPECT_NE(print.body.find("<strong>1 signature</strong>"), std::string::npos) << print.body;
    EXPECT_NE(print.body.find("<td>=HYPERLINK(&quot;http://x&quot;)</td><td>69003</td>"),
              std::string::npos);
    EXPECT_EQ(print.body.find("Léa"), std::string::npos);
    EXPECT_EQ(print.body.find("camille@example.org"), std::string::npos);
    EXPECT_EQ(store_value(server_,
                          "SELECT group_concat(detail, ' | ') FROM audit_log WHERE "
                          "action = 'delivery_exported'"),
              "petition existante, 1 signatures, csv | petition existante, 1 signatures, print");

    AdminBrowser moderator{port};
    ASSERT_EQ(moderator.first_log_in("mod@example.org", passwords_[1], chosen_password).status,
              303u);
    EXPECT_EQ(moderator.get("/admin/petitions/" + id + "/delivery.csv").status, 403u);
    EXPECT_EQ(organiser_.get("/admin/petitions/999/delivery.csv").status, 404u);
}

TEST_F(AdminPetitions, TheCampaignPageShowsWhereTheSignaturesStand) {
    const auto port = server_.port();
    // Camille shows her name, Noé does not; Léa never confirms.
    const std::tuple<const char*, const char*, const char*> signers[] = {
        {"Camille Martin", "camille", "1"}, {"Léa Roux", "lea", "1"}, {"Noé Petit", "noe", "0"}};
    for (const auto& [name, who, shown] : signers)
        ASSERT_EQ(post_form(port, "/petitions/existante/sign",
                            signing_fields(port, name, std::string(who) + "@example.org",
                                           {{"postcode", "69003"}, {"public_name", shown}}))
                      .status,
                  303u);
    const auto mails = wait_for_mails(server_.dir() / "data" / "mail", 3);
    ASSERT_EQ(mails.size(), 3u);
    for (const auto& mail : mails) {
        if (mail.find("To: lea@example.org") == std::string::npos) {
            ASSERT_EQ(post_form(port, "/s/" + link_token(confirmation_link(mail)) + "/confirm", {})
                          .status,
                      303u);
        }
    }
    const auto id = store_value(server_, "SELECT id FROM petitions WHERE slug = 'existante'");
    const auto page = organiser_.get("/admin/petitions/" + id);
    ASSERT_EQ(page.status, 200u);
    EXPECT_NE(page.body.find("<dd class=\"campaign-confirmed\">2</dd>"), std::string::npos)
        << page.body;
    EXPECT_NE(page.body.find("<dd class=\"campaign-waiting\">1</dd>"), std::string::npos);
    EXPECT_NE(page.body.find("<dd class=\"campaign-rate\">66 %</dd>"), std::string::npos);
    EXPECT_NE(page.body.find("<td>69 Rhône</td><td>2</td>"), std::string::npos);
    EXPECT_NE(page.body.find("<td>Auvergne-Rhône-Alpes</td><td>2</td>"), std::string::npos);
    EXPECT_NE(page.body.find("aria-labelledby=\"chart-hours-title chart-hours-desc\""),
              std::string::npos);
    EXPECT_NE(page.body.find("3 signatures over the period, 2 of them confirmed."),
              std::string::npos);
    EXPECT_NE(page.body.find("the defence has not had to act"), std::string::npos);
    // A moderator sees it too, without the organiser's links.
    AdminBrowser moderator{port};
    ASSERT_EQ(moderator.first_log_in("mod@example.org", passwords_[1], chosen_password).status,
              303u);
    const auto seen = moderator.get("/admin/petitions/" + id);
    EXPECT_EQ(seen.status, 200u);
    EXPECT_EQ(seen.body.find("/delivery\""), std::string::npos);
    EXPECT_EQ(organiser_.get("/admin/petitions/999").status, 404u);

    // The public page: the latest signers who chose to show their name, and where from. Its
    // figures follow the store within a second, so both confirmations may not be there yet.
    const auto shown = public_page_when(port, "/petitions/existante", [](const HttpResponse& r) {
        return r.body.find("2 confirmed signatures with a postcode") != std::string::npos;
    });
    EXPECT_NE(shown.body.find("<li><strong>Camille M.</strong>, 69 · <small>signed on "),
              std::string::npos)
        << shown.body;
    EXPECT_EQ(shown.body.find("Camille Martin"), std::string::npos);
    EXPECT_EQ(shown.body.find("Noé"), std::string::npos);
    EXPECT_EQ(shown.body.find("Léa"), std::string::npos);
    EXPECT_NE(shown.body.find("aria-labelledby=\"regions-title regions-desc\""), std::string::npos);
    EXPECT_NE(shown.body.find("2 confirmed signatures with a postcode, from 1 départements."),
              std::string::npos);
}

// Signs and confirms from the Maildir; the mails of `email` found there.
void sign_and_confirm(std::uint16_t port, const std::filesystem::path& mail,
                      const std::string& slug, const std::string& name, const std::string& email) {
    ASSERT_EQ(
        post_form(port, "/petitions/" + slug + "/sign", signing_fields(port, name, email)).status,
        303u);
    std::string link;
    for (int i = 0; i < 100 && link.empty(); ++i) {
        for (const auto& message : maildir_messages(mail))
            if (message.find("To: " + email) != std::string::npos)
                link = confirmation_link(message);
        if (link.empty()) std::this_thread::sleep_for(100ms);
    }
    ASSERT_FALSE(link.empty()) << email;
    ASSERT_EQ(post_form(port, "/s/" + link_token(link) + "/confirm", {}).status, 303u);
}

std::size_t goal_mails_to(const std::filesystem::path& mail, const std::string& address) {
    std::size_t found = 0;
    for (const auto& message : maildir_messages(mail))
        if (message.find("To: " + address) != std::string::npos &&
            message.find("Subject: Objectif atteint : Un objectif modeste") != std::string::npos &&
            decoded_body(message).find("objectif de") != std::string::npos)
            ++found;
    return found;
}

TEST_F(AdminPetitions, TheOrganisersHearOnceOfEachGoalReached) {
    const auto edit = create_draft("Un objectif modeste", {{"goal", "1"}});
    ASSERT_EQ(step(edit, "publish").status, 303u);
    const auto port = server_.port();
    const auto mail = server_.dir() / "data" / "mail";
    public_page_when(port, "/petitions/un-objectif-modeste",
                     [](const HttpResponse& r) { return r.status == 200; });
    sign_and_confirm(port, mail, "un-objectif-modeste", "Camille Martin", "camille@example.org");
    for (int i = 0; i < 200 && goal_mails_to(mail, "olga@example.org") == 0; ++i)
        std::this_thread::sleep_for(100ms);
    EXPECT_EQ(goal_mails_to(mail, "olga@example.org"), 1u);
    const auto page = public_page_when(port, "/petitions/un-objectif-modeste", [](const auto& r) {
        return r.body.find("Goal reached!") != std::string::npos;
    });
    EXPECT_NE(page.body.find("Goal reached!"), std::string::npos);

    // More signatures do not mail again; a goal raised and reached does.
    sign_and_confirm(port, mail, "un-objectif-modeste", "Léa Roux", "lea@example.org");
    std::this_thread::sleep_for(std::chrono::seconds(6));  // past the clock's next round
    EXPECT_EQ(goal_mails_to(mail, "olga@example.org"), 1u);
    const auto raised = organiser_.post(
        edit,
        petition_fields("Un objectif modeste", {{"slug", "un-objectif-modeste"}, {"goal", "3"}}));
    ASSERT_EQ(raised.status, 303u) << raised.body;
    sign_and_confirm(port, mail, "un-objectif-modeste", "Noé Petit", "noe@example.org");
    for (int i = 0; i < 200 && goal_mails_to(mail, "olga@example.org") < 2; ++i)
        std::this_thread::sleep_for(100ms);
    EXPECT_EQ(goal_mails_to(mail, "olga@example.org"), 2u);
    // A moderator is not an organiser: no mail.
    EXPECT_EQ(goal_mails_to(mail, "mod@example.org"), 0u);
}

}  // namespace
}  // namespace rempart::testing
