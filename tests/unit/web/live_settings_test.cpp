// Tests for web/live_settings: the stored values over the config file's, address lists as
// text, and saves applied in the order the store wrote them.
#include "web/live_settings.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace rempart::web {
namespace {

EditableSettings from_file() {
    EditableSettings settings;
    settings.site.name = "Rempart";
    settings.site.controller = "Association du fichier";
    settings.mail.from = "file@example.org";
    settings.mail.admin_alerts_to = {"a@example.org"};
    settings.mail.news_per_minute = 1200;
    return settings;
}

TEST(LiveSettings, StoredValuesWinOverTheConfigFileAndUnknownNamesAreSkipped) {
    const auto settings = with_stored(from_file(), {{"site.name", "Les Amis du Parc"},
                                                    {"mail.admin_alerts_to", "b@x.org, c@x.org"},
                                                    {"gate.mode", "on"},
                                                    {"site.from_a_newer_version", "x"}});
    EXPECT_EQ(settings.site.name, "Les Amis du Parc");
    EXPECT_EQ(settings.site.controller, "Association du fichier");  // not stored: the file's
    EXPECT_EQ(settings.mail.from, "file@example.org");
    EXPECT_EQ(settings.mail.admin_alerts_to, (std::vector<std::string>{"b@x.org", "c@x.org"}));
    EXPECT_EQ(settings.mail.news_per_minute, 1200);  // never editable
}

TEST(LiveSettings, EveryFieldReadsBackWhatItWroteUnderUniqueNames) {
    std::set<std::string_view> names;
    std::set<std::string_view> fields;
    for (const auto& field : editable_fields()) {
        EXPECT_TRUE(names.insert(field.name).second) << field.name;
        EXPECT_TRUE(fields.insert(field.field).second) << field.field;
        EXPECT_EQ(find_editable_field(field.name), &field);
        EditableSettings settings;
        const std::string value = field.name == "site.default_language" ? "en"
                                  : field.name == "submissions.open"    ? "true"
                                                                        : "x@example.org";
        field.write(settings, value);
        EXPECT_EQ(field.read(settings), value) << field.name;
    }
    // The form's nine fields, each checked above: an empty table would check nothing.
    EXPECT_EQ(names.size(), 9u);
    EXPECT_EQ(find_editable_field("gate.mode"), nullptr);
}

TEST(LiveSettings, AddressListsSplitAtCommasSpacesAndLinesAndJoinWithCommas) {
    EXPECT_EQ(split_addresses(" a@x.org,b@x.org;\r\nc@x.org  d@x.org,, "),
              (std::vector<std::string>{"a@x.org", "b@x.org", "c@x.org", "d@x.org"}));
    EXPECT_TRUE(split_addresses(" , \n").empty());
    EXPECT_EQ(join_addresses({"a@x.org", "b@x.org"}), "a@x.org, b@x.org");
    EXPECT_EQ(join_addresses({}), "");
}

TEST(LiveSettings, ASnapshotStaysWholeAndAnOlderSaveNeverUndoesALaterOne) {
    LiveSettings live(from_file(), from_file());
    const auto before = live.current();
    auto first = from_file();
    first.site.name = "First";
    auto second = from_file();
    second.site.name = "Second";
    EXPECT_TRUE(live.replace(second, 2));
    EXPECT_FALSE(live.replace(first, 1));  // written before the second, applied after it
    EXPECT_EQ(live.current()->site.name, "Second");
    EXPECT_EQ(before->site.name, "Rempart");  // what a render holds does not move under it
    EXPECT_EQ(live.from_file().site.name, "Rempart");
}

}  // namespace
}  // namespace rempart::web
