// Tests for the admins' alert drafted before an incident's write: completed with the
// incident's number and count, it says word for word what it said when the write rendered it.
#include "app/incident_alert.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "app/settings.hpp"

namespace rempart::app {
namespace {

constexpr std::chrono::seconds ban_duration{1800};

class IncidentAlert : public ::testing::Test {
  protected:
    void SetUp() override {
        config_.server.base_url = "https://petitions.example.org";
        config_.mail.admin_alerts_to = {"admin@example.org", "other@example.org"};
        Petition petition;
        petition.id = 7;
        petition.slug = "noel";
        petition.title = "Noël sans Amazon";
        catalog_.replace({petition});
        auto site = web::Site::create({config_.server, config_.site, config_.mail, config_.admin},
                                      catalog_);
        ASSERT_TRUE(site.ok()) << site.error().detail;
        site_ = std::move(*site);
    }
    static defence::IncidentOpening opening() {
        defence::IncidentOpening opening;
        auto& cluster = opening.cluster;
        cluster.petition_id = 7;
        cluster.petition_slug = "noel";
        cluster.dimension = defence::Dimension::email_domain;
        cluster.key_value = "catchall.example";
        cluster.attempts_in_window = 1234;
        cluster.window_total = 5678;
        cluster.distinct_networks = 12;
        cluster.held_until_ms = 1'800'003'600'000;
        cluster.evidence = "robot_agents 1200 1234 attempts\nfew_networks 1234 12 attempts";
        opening.bans = 3;
        return opening;
    }
    // The alert as the incident's write rendered it, with the figures from the start.
    render::MailTexts rendered(render::Language language, const defence::IncidentOpened& opened) {
        const auto cluster = opening().cluster;
        render::IncidentAlert alert;
        alert.petition_title = "Noël sans Amazon";
        alert.dimension = "email_domain";
        alert.value = cluster.key_value;
        alert.attempts = cluster.attempts_in_window;
        alert.window_total = cluster.window_total;
        alert.networks = cluster.distinct_networks;
        alert.quarantined = opened.quarantined;
        alert.held_until = *cluster.held_until_ms / 1000;
        alert.incident_id = opened.incident_id;
        alert.bans = opening().bans;
        alert.ban_minutes = ban_duration.count() / 60;
        alert.link =
            "https://petitions.example.org/admin/incidents/" + std::to_string(opened.incident_id);
        alert.evidence = cluster.evidence;
        return render::incident_alert_mail(site_->messages(), language, alert);
    }

    Config config_;
    Catalog catalog_;
    std::unique_ptr<web::Site> site_;
};

TEST_F(IncidentAlert, CompletedByTheWriteItSaysWhatTheWriteRenderedBefore) {
    const defence::IncidentOpened opened{4242, 123'456};
    std::uint64_t saves = 0;
    for (const auto language : {render::Language::fr, render::Language::en}) {
        // The site's language as an admin sets it in the back office.
        auto settings = *site_->live_settings().current();
        settings.site.default_language = std::string(render::code(language));
        site_->replace_settings(settings, ++saves);
        const auto draft = draft_incident_alert(catalog_, *site_, ban_duration, opening());
        const auto completed = complete_incident_alert(draft, opened);
        const auto expected = rendered(language, opened);
        EXPECT_EQ(completed.subject, expected.subject);
        EXPECT_EQ(completed.text, expected.text);
        EXPECT_EQ(completed.html, expected.html);
        EXPECT_EQ(completed.language, render::code(language));
        EXPECT_NE(completed.text.find("/admin/incidents/4242"), std::string::npos);
        EXPECT_NE(completed.subject.find(render::format_number(language, 123'456)),
                  std::string::npos);
    }
}

TEST_F(IncidentAlert, TheWriteQueuesOneCompleteMessageForEachAdmin) {
    const auto complete = render_incident_alerts(catalog_, *site_, ban_duration, opening());
    const auto alerts = complete({4242, 12});
    ASSERT_EQ(alerts.size(), 2u);
    EXPECT_EQ(alerts[0].to, "admin@example.org");
    EXPECT_EQ(alerts[1].to, "other@example.org");
    EXPECT_NE(alerts[0].message.find("Subject:"), std::string::npos);
}

}  // namespace
}  // namespace rempart::app
