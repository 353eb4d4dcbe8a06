// Tests for admin/settings_form: the site settings form cleaned and checked, each error beside
// its field, and the changes a save makes named for the audit log.
#include "admin/settings_form.hpp"

#include <gtest/gtest.h>

#include <string>

namespace rempart::admin {
namespace {

using Form = std::vector<std::pair<std::string, std::string>>;

web::EditableSettings current() {
    web::EditableSettings settings;
    settings.site.name = "Rempart";
    settings.mail.from = "petitions@example.org";
    return settings;
}

const Form good = {
    {"site_name", "  Les Amis du Parc  "},
    {"controller", "Association Les Amis du Parc"},
    {"contact_email", "Contact@Amis.example"},
    {"postal_address", "12 rue des Tilleuls\r\n\r\n 69001 Lyon "},
    {"hosting_provider", "Hébergeur Coopératif"},
    {"default_language", "en"},
    {"mail_from", "petitions@amis.example"},
    {"admin_alerts_to", "a@amis.example\nB@amis.example, a@amis.example"},
    {"submissions_open", "true"},
};

std::vector<std::string> fields_in_error(const SettingsFormCheck& check) {
    std::vector<std::string> fields;
    for (const auto& error : check.errors) fields.push_back(error.field);
    return fields;
}

TEST(SettingsForm, GoodInputIsCleanedIntoTheSettings) {
    const auto check = check_settings_form(good, current());
    ASSERT_TRUE(check.errors.empty()) << check.errors[0].field;
    const auto& site = check.settings.site;
    EXPECT_EQ(site.name, "Les Amis du Parc");
    EXPECT_EQ(site.contact_email, "contact@amis.example");
    EXPECT_EQ(site.postal_address, "12 rue des Tilleuls, 69001 Lyon");
    EXPECT_EQ(site.hosting_provider, "Hébergeur Coopératif");
    EXPECT_EQ(site.default_language, "en");
    EXPECT_EQ(check.settings.mail.from, "petitions@amis.example");
    EXPECT_EQ(check.settings.mail.admin_alerts_to,
              (std::vector<std::string>{"a@amis.example", "b@amis.example"}));
    EXPECT_TRUE(check.settings.submissions_open);
}

TEST(SettingsForm, OptionalFieldsMayBeEmptiedButTheNameAndSenderMayNot) {
    Form form = {{"site_name", "\t"},     {"controller", ""},       {"contact_email", ""},
                 {"postal_address", ""},  {"hosting_provider", ""}, {"mail_from", " "},
                 {"admin_alerts_to", " "}};
    const auto check = check_settings_form(form, current());
    EXPECT_EQ(fields_in_error(check), (std::vector<std::string>{"site_name", "mail_from"}));
    EXPECT_EQ(check.errors[0].key, "admin.settings_error_required");
    EXPECT_TRUE(check.settings.mail.admin_alerts_to.empty());
    EXPECT_EQ(check.settings.site.name, "Rempart");  // kept: the field was refused
}

TEST(SettingsForm, EachBadValueNamesItsFieldAndWhatIsWrong) {
    Form form = good;
    form[0].second = std::string(81, 'x');
    form[2].second = "contact";
    form[5].second = "de";
    form[6].second = "petitions@";
    form[7].second = "a@amis.example, not an address";
    form[8].second = "maybe";
    const auto check = check_settings_form(form, current());
    EXPECT_EQ(fields_in_error(check),
              (std::vector<std::string>{"site_name", "contact_email", "default_language",
                                        "mail_from", "submissions_open", "admin_alerts_to"}));
    EXPECT_EQ(check.errors[0].key, "admin.settings_error_too_long");
    EXPECT_EQ(check.errors[0].detail, "80");
    EXPECT_EQ(check.errors[1].detail, "contact");
    EXPECT_EQ(check.errors[2].key, "admin.settings_error_language");
    EXPECT_EQ(check.errors[4].key, "admin.settings_error_choice");
    EXPECT_EQ(check.errors[5].detail, "not");  // the first part that is no address
    // What was typed is kept for the page, as typed.
    EXPECT_EQ(check.typed[2], (std::pair<std::string, std::string>{"contact_email", "contact"}));
}

TEST(SettingsForm, UnreadableTextAndTooManyAddressesAreRefused) {
    Form form = good;
    form[1].second = "Asso \xff\xfe";
    std::string many;
    for (int i = 0; i < 21; ++i) many += "a" + std::to_string(i) + "@amis.example ";
    form[7].second = many;
    const auto check = check_settings_form(form, current());
    EXPECT_EQ(fields_in_error(check), (std::vector<std::string>{"controller", "admin_alerts_to"}));
    EXPECT_EQ(check.errors[0].key, "admin.settings_error_unreadable");
    EXPECT_EQ(check.errors[1].key, "admin.settings_error_too_many");
}

TEST(SettingsForm, ControlAndInvisibleCharactersAreRemoved) {
    Form form = good;
    form[0].second = "Les\u200b Amis\x07";
    const auto check = check_settings_form(form, current());
    ASSERT_TRUE(check.errors.empty());
    EXPECT_EQ(check.settings.site.name, "Les Amis");
}

TEST(SettingsForm, AFormWithoutAFieldLeavesThatSettingAsItWas) {
    const auto check = check_settings_form({{"site_name", "Autre nom"}}, current());
    ASSERT_TRUE(check.errors.empty());
    EXPECT_EQ(check.settings.mail.from, "petitions@example.org");
    const auto changes = changed_settings(current(), check.settings);
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].name, "site.name");
    EXPECT_EQ(describe_changes(changes), "site.name: \"Rempart\" -> \"Autre nom\"");
    EXPECT_TRUE(changed_settings(current(), current()).empty());
}

}  // namespace
}  // namespace rempart::admin
