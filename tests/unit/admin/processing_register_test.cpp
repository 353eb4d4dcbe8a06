// Tests for the record of processing activities: every activity complete in both languages,
// its periods those in force (a test fails if the register says other than the settings),
// the backups' line following [backup], and the exports holding the same as the page.
#include "admin/processing_register.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace rempart::admin {
namespace {

using render::Language;

class Register : public ::testing::Test {
  protected:
    void SetUp() override {
        auto loaded = render::Messages::load();
        ASSERT_TRUE(loaded.ok()) << loaded.error().detail;
        messages_ = std::move(*loaded);
        periods_.retention.unconfirmed_days = 11;
        periods_.retention.after_close_days = 1461;
        periods_.retention.addresses_days = 13;
        periods_.retention.events_days = 17;
        periods_.retention.evidence_days = 401;
        periods_.retention.mail_days = 19;
        periods_.retention.sessions_days = 23;
        periods_.retention.audit_days = 733;
        periods_.retention.newsletter_idle_days = 999;
        periods_.backup_hours = 96;
    }
    const RegisterEntry& entry(const std::vector<RegisterEntry>& entries, std::string_view name) {
        const auto found = std::find_if(entries.begin(), entries.end(),
                                        [&](const RegisterEntry& e) { return e.activity == name; });
        EXPECT_NE(found, entries.end()) << name;
        return *found;
    }
    std::unique_ptr<render::Messages> messages_;
    PromisedPeriods periods_;
};

TEST_F(Register, EveryActivityIsCompleteInBothLanguages) {
    for (const auto language : {Language::en, Language::fr}) {
        const auto entries = processing_register(*messages_, language, periods_);
        ASSERT_EQ(entries.size(), 9u);
        for (const auto& e : entries)
            for (const auto* field : {&e.activity, &e.purpose, &e.basis, &e.people, &e.data,
                                      &e.recipients, &e.retention, &e.safeguards}) {
                EXPECT_FALSE(field->empty()) << e.activity;
                EXPECT_EQ(field->find('{'), std::string::npos) << *field;
                EXPECT_FALSE(field->starts_with("register.")) << *field;  // a missing key
            }
    }
}

TEST_F(Register, ThePeriodsAreThoseInForce) {
    const auto entries = processing_register(*messages_, Language::en, periods_);
    const auto& signatures = entry(entries, "Signatures of petitions");
    for (const char* part : {"after 11 days", "then 1,461 days", "IP addresses: 13 days"})
        EXPECT_NE(signatures.retention.find(part), std::string::npos) << part;
    const auto& defence = entry(entries, "Defence against fake signatures");
    for (const char* part : {"record: 17 days", "then 401 days", "13 days"})
        EXPECT_NE(defence.retention.find(part), std::string::npos) << part;
    EXPECT_NE(entry(entries, "Sending the site's mail").retention.find("19 days"),
              std::string::npos);
    const auto& staff = entry(entries, "Accounts of the association's staff");
    EXPECT_NE(staff.retention.find("23 days"), std::string::npos);
    EXPECT_NE(staff.retention.find("733 days"), std::string::npos);
    EXPECT_NE(entry(entries, "Backups").retention.find("96 hours at most"), std::string::npos);
    const auto& proposals = entry(entries, "Petitions proposed by the public");
    for (const char* part : {"erased 1,461 days after the petition closes", "after 11 days",
                             "IP addresses: 13 days"})
        EXPECT_NE(proposals.retention.find(part), std::string::npos) << part;
    const auto& newsletter = entry(entries, "The association's newsletter");
    EXPECT_NE(newsletter.retention.find("999 days after their last action"), std::string::npos);
    EXPECT_NE(newsletter.retention.find("never confirmed, 11 days"), std::string::npos);
    // No backup by the server itself: the register says so rather than a period.
    periods_.backup_hours = 0;
    const auto manual = processing_register(*messages_, Language::fr, periods_);
    EXPECT_NE(entry(manual, "Sauvegardes").retention.find("n'en fait aucune"), std::string::npos);
    EXPECT_NE(entry(manual, "Signatures des pétitions").retention.find("1\u202F461 jours"),
              std::string::npos);
}

TEST_F(Register, TheExportsHoldWhatThePageShows) {
    const auto entries = processing_register(*messages_, Language::en, periods_);
    const auto markdown = register_markdown(*messages_, Language::en,
                                            {"Vélo Lyon", "dpo@velo.example", "1 rue Neuve, Lyon"},
                                            entries, 1'796'630'969);
    EXPECT_TRUE(markdown.starts_with("# Record of processing activities\n"));
    EXPECT_NE(markdown.find("7 December 2026"), std::string::npos);
    EXPECT_NE(markdown.find("\nVélo Lyon\n"), std::string::npos);
    EXPECT_NE(markdown.find("dpo@velo.example"), std::string::npos);
    for (const auto& e : entries) {
        EXPECT_NE(markdown.find("## " + e.activity + "\n"), std::string::npos);
        EXPECT_NE(markdown.find("- **How long**: " + e.retention + "\n"), std::string::npos);
    }
    const auto unset = register_markdown(*messages_, Language::en, {}, entries, 0);
    EXPECT_NE(unset.find("is not set yet"), std::string::npos);

    const auto csv = register_csv(*messages_, Language::fr, entries);
    EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBF\"Traitement\",\"Finalité\""));
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 10);  // the header and 9 activities
    EXPECT_NE(csv.find("\"" + entries[0].retention + "\""), std::string::npos);
}

}  // namespace
}  // namespace rempart::admin
