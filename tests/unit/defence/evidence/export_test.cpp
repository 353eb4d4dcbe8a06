// Tests for the evidence files: what they hold, that they are stable, and their checksums.
#include <gtest/gtest.h>
#include <sodium.h>
#include <boost/json.hpp>

#include <algorithm>

#include "defence/evidence/export.hpp"

namespace rempart::defence::evidence {
namespace {

namespace json = boost::json;

IncidentRecord hand_made() {
    IncidentRecord r;
    r.incident = {7, Subject::signatures, 3, "noel", "Noël sans Amazon", "open", 1605906300000, 40};
    ClusterEvidence name;
    name.cluster.id = 11;
    name.cluster.dimension = Dimension::name;
    name.cluster.key_value = "a1b2c3";
    name.example = "Jeff Bezos";
    name.cluster.attempts_in_window = 300;
    name.cluster.window_total = 320;
    name.cluster.distinct_networks = 3;
    name.cluster.first_attempt_ms = 1605906185123;
    name.cluster.detected_ms = 1605906245000;
    name.cluster.contained_ms = 1605906245010;
    name.cluster.held_until_ms = 1605909845000;
    name.cluster.state = "open";
    name.signatures_held = 40;
    ClusterEvidence as = name;
    as.cluster.id = 12;
    as.cluster.dimension = Dimension::as;
    as.cluster.key_value = "as:64500";
    as.example = "";
    as.cluster.first_attempt_ms = 1605906190000;
    r.clusters = {name, as};
    r.actions = {{1, 1605906245010, "quarantined", "40 signatures", 1605909845000},
                 {2, 1605906245010, "difficulty_raised", "200000", 1605909845000}};
    r.bans = {{1, 7, BanKind::as, "as:64500", 1605906245020, 1605909845020, std::nullopt, "flood"},
              {2, 7, BanKind::network, "203.0.113.0/24", 1605906245020, 1605909845020,
               1605907000000, "flood"}};
    r.sources = {
        {"203.0.113.1", "net:203.0.113.0/24", 64500, "accepted", 200, 1605906185123, 1605906244000},
        {"203.0.113.1", "net:203.0.113.0/24", 64500, "quarantined", 60, 1605906246000,
         1605906300000},
        {"2001:db8:1:2::1", "net:2001:db8:1:2::/64", 64510, "accepted", 40, 1605906190000,
         1605906200000},
    };
    r.minutes = {{1605906180000, "accepted", 150},
                 {1605906240000, "accepted", 90},
                 {1605906240000, "quarantined", 60}};
    r.user_agents = {{"python-requests/2.25", 250, 1605906185123, 1605906300000},
                     {"=cmd|' /C calc'!A0", 50, 1605906190000, 1605906200000}};
    r.signatures_by_state = {{"quarantined", 38}, {"confirmed", 2}};
    for (int i = 0; i < 60; ++i) {
        SignatureSample s;
        s.id = 100 + i;
        s.name = i == 59 ? "=HYPERLINK(\"http://evil\")" : "Jeff Bezos";
        s.email = "bot" + std::to_string(i) + "@catchall.example";
        s.email_domain = "catchall.example";
        s.postcode = "75001";
        s.comment = "déso pas déso, \"vraiment\"";
        s.state = "quarantined";
        s.created_s = 1605906186 + (59 - i);  // the last ones are the earliest
        s.ip = "203.0.113.1";
        r.samples.push_back(s);
    }
    r.as_organisations = {{64500, "Loopback Télécom, SA"}, {64510, "Réseaux \"Élise\""}};
    return r;
}

std::string independent_sha256(const std::string& bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[2 * crypto_hash_sha256_BYTES + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

// RFC 4180 read back: rows of cells, quotes undone.
std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false, in_cell = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = in_cell = true;
        } else if (c == ',') {
            rows.back().push_back(std::move(cell));
            cell.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            if (in_cell || !rows.back().empty()) rows.back().push_back(std::move(cell));
            cell.clear();
            in_cell = false;
            rows.emplace_back();
            ++i;
        } else {
            cell += c;
        }
    }
    return rows;
}

TEST(ExportJson, HoldsTheIncidentItsSourcesAndMaskedSamples) {
    const auto file = export_json(hand_made());
    EXPECT_EQ(file.filename, "incident-7.json");
    EXPECT_EQ(file.content_type, "application/json; charset=utf-8");
    EXPECT_NE(file.bytes.find("\n  \"format_version\": 2,\n"), std::string::npos);  // pretty
    const auto root = json::parse(file.bytes).as_object();
    EXPECT_EQ(root.at("format").as_string(), "rempart-incident-evidence");
    EXPECT_EQ(root.at("format_version").as_int64(), defence::evidence_format_version);
    EXPECT_EQ(root.at("incident").at("id").as_int64(), 7);
    EXPECT_EQ(root.at("incident").at("petition").at("title").as_string(), "Noël sans Amazon");
    const auto& summary = root.at("summary");
    EXPECT_EQ(summary.at("events").as_int64(), 300);
    EXPECT_EQ(summary.at("events_by_verdict").at("quarantined").as_int64(), 60);
    EXPECT_EQ(summary.at("first_event_utc").as_string(), "2020-11-20T21:03:05.123Z");
    EXPECT_EQ(summary.at("first_event_ms").as_int64(), 1605906185123);
    EXPECT_EQ(summary.at("signatures").as_int64(), 40);
    EXPECT_EQ(summary.at("signatures_shown").as_int64(), 50);

    const auto& ases = root.at("sources").at("autonomous_systems").as_array();
    ASSERT_EQ(ases.size(), 2u);
    EXPECT_EQ(ases[0].at("as").as_int64(), 64500);
    EXPECT_EQ(ases[0].at("organisation").as_string(), "Loopback Télécom, SA");
    const auto& networks = root.at("sources").at("networks").as_array();
    EXPECT_EQ(networks[1].at("prefix").as_string(), "2001:db8:1:2::/64");
    EXPECT_EQ(networks[1].at("autonomous_systems").at(0).at("organisation").as_string(),
              "Réseaux \"Élise\"");

    const auto& shown = root.at("signatures").at("shown").as_array();
    ASSERT_EQ(shown.size(), 50u);  // the earliest 50 of 60
    EXPECT_EQ(shown[0].at("id").as_int64(), 159);
    EXPECT_EQ(shown[0].at("email_masked").as_string(), "b***@catchall.example");
    EXPECT_EQ(shown[0].at("created_utc").as_string(), "2020-11-20T21:03:06.000Z");
    EXPECT_EQ(file.bytes.find("bot59@"), std::string::npos);  // no address in full

    const auto& timeline = root.at("timeline").as_array();
    EXPECT_EQ(timeline.front().at("what").as_string(), "first_event");
    for (std::size_t i = 1; i < timeline.size(); ++i)
        EXPECT_LE(timeline[i - 1].at("at_ms").as_int64(), timeline[i].at("at_ms").as_int64());
    EXPECT_EQ(root.at("bans").at(0).at("organisation").as_string(), "Loopback Télécom, SA");
    EXPECT_EQ(root.at("events_per_minute").as_array().size(), 2u);
}

TEST(ExportCsv, IsSectionsASpreadsheetReadsSafely) {
    const auto file = export_csv(hand_made());
    EXPECT_EQ(file.filename, "incident-7.csv");
    ASSERT_TRUE(file.bytes.starts_with("\xEF\xBB\xBF"));
    const auto rows = parse_csv(std::string_view(file.bytes).substr(3));
    // Each section: a header row starting "section", rows of the same width, a blank line.
    std::size_t width = 0;
    std::vector<std::string> sections;
    for (const auto& row : rows) {
        if (row.empty()) {
            width = 0;
            continue;
        }
        if (width == 0) {
            ASSERT_EQ(row[0], "section");
            width = row.size();
            continue;
        }
        EXPECT_EQ(row.size(), width) << row[0];
        if (sections.empty() || sections.back() != row[0]) sections.push_back(row[0]);
        // No cell a spreadsheet would run as a formula.
        for (const auto& cell : row) {
            if (cell.empty()) continue;
            EXPECT_EQ(std::string_view("=+-@\t\r").find(cell[0]), std::string_view::npos) << cell;
        }
    }
    EXPECT_EQ(sections, (std::vector<std::string>{
                            "summary", "clusters", "timeline", "events_per_minute", "bans",
                            "networks", "autonomous_systems", "ips", "user_agents", "signatures"}));
    EXPECT_NE(file.bytes.find("\"'=HYPERLINK(\"\"http://evil\"\")\""), std::string::npos);
    EXPECT_NE(file.bytes.find("\"'=cmd|' /C calc'!A0\""), std::string::npos);
    EXPECT_NE(file.bytes.find("\"Loopback Télécom, SA\""), std::string::npos);
    EXPECT_NE(file.bytes.find("\"déso pas déso, \"\"vraiment\"\"\""), std::string::npos);
    EXPECT_NE(file.bytes.find("\"events_per_minute\",\"2020-11-20T21:04:00.000Z\",\"150\",\"90\","
                              "\"60\""),
              std::string::npos);
}

TEST(Export, TheSameRecordInAnyOrderGivesTheSameBytes) {
    const auto record = hand_made();
    auto shuffled = record;
    std::reverse(shuffled.clusters.begin(), shuffled.clusters.end());
    std::reverse(shuffled.actions.begin(), shuffled.actions.end());
    std::reverse(shuffled.bans.begin(), shuffled.bans.end());
    std::reverse(shuffled.sources.begin(), shuffled.sources.end());
    std::reverse(shuffled.minutes.begin(), shuffled.minutes.end());
    std::reverse(shuffled.user_agents.begin(), shuffled.user_agents.end());
    std::reverse(shuffled.samples.begin(), shuffled.samples.end());
    EXPECT_EQ(export_json(record).bytes, export_json(record).bytes);
    EXPECT_EQ(export_json(record).bytes, export_json(shuffled).bytes);
    EXPECT_EQ(export_csv(record).bytes, export_csv(shuffled).bytes);
}

TEST(Export, TheChecksumIsTheFilesSha256) {
    ASSERT_GE(sodium_init(), 0);
    for (const auto& file : {export_json(hand_made()), export_csv(hand_made())})
        EXPECT_EQ(file.sha256, independent_sha256(file.bytes));
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// A User-Agent header is stored as sent, cut at 256 bytes: Latin-1 bytes, or a character
// cut in two. Both files still read as UTF-8, the bad bytes shown as U+FFFD.
TEST(Export, BytesThatAreNotUtf8StillGiveFilesThatParse) {
    auto record = hand_made();
    record.user_agents.push_back(
        {"Mozilla/5.0 (t\xE9l\xE9phone) \xC3", 5, 1605906190000, 1605906200000});
    record.incident.petition_title = "No\xEBl";
    boost::system::error_code ec;
    const auto root = json::parse(export_json(record).bytes, ec);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_EQ(root.at("incident").at("petition").at("title").as_string(), "No\uFFFDl");
    bool found = false;
    for (const auto& agent : root.at("user_agents").as_array())
        found = found ||
                agent.at("user_agent").as_string() == "Mozilla/5.0 (t\uFFFDl\uFFFDphone) \uFFFD";
    EXPECT_TRUE(found);
    const auto csv = export_csv(record).bytes;
    EXPECT_NE(csv.find("\"Mozilla/5.0 (t\uFFFDl\uFFFDphone) \uFFFD\""), std::string::npos);
    EXPECT_EQ(csv.find("\xE9"), std::string::npos);
}

TEST(Export, AnIncidentWithNoEventsStillExports) {
    IncidentRecord empty;
    empty.incident.id = 9;
    empty.incident.state = "open";
    const auto root = json::parse(export_json(empty).bytes);
    EXPECT_TRUE(root.at("summary").at("first_event_utc").is_null());
    EXPECT_EQ(root.at("summary").at("events").as_int64(), 0);
    EXPECT_TRUE(export_csv(empty).bytes.starts_with("\xEF\xBB\xBF"));
}

}  // namespace
}  // namespace rempart::defence::evidence
