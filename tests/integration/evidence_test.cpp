// Evidence files from the command line, after a real flood on the real server: what they
// hold, their printed checksums, their records, and clear refusals that leave no file.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <boost/json.hpp>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "client/signing_client.hpp"
#include "defence/model/incident_record.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string sha256_of(const std::string& bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr);
    std::string hex;
    char two[3];
    for (unsigned int i = 0; i < size; ++i) {
        std::snprintf(two, sizeof two, "%02x", digest[i]);
        hex += two;
    }
    return hex;
}

std::size_t entries_in(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++n;
    return n;
}

class Evidence : public ::testing::Test {
  protected:
    // The seed's flood, through a trusted proxy from many loopback addresses, which the
    // fixture AS table splits between "Loopback Télécom, SA" and "Boucle Réseaux".
    void flood() {
        const auto text = server_.dir() / "noel.md";
        std::ofstream(text) << "Texte.\n";
        std::string output;
        ASSERT_EQ(server_.run_cli({"petition", "create", "--slug", "noel", "--title",
                                   "Noël sans Amazon", "--text-file", text.string()},
                                  &output),
                  0)
            << output;
        server_.start();
        const auto port = server_.port();
        for (int i = 0; i < 40; ++i) {
            const auto ip = "127." + std::to_string(i % 2) + ".0." + std::to_string(i + 1);
            const auto fields = signing_fields(
                port, i % 2 ? "Jeff Bezos" : "Bill Gates",
                "bot" + std::to_string(i) + "@mail" + std::to_string(i % 20) + ".example",
                {{"comment", "déso pas déso"}, {"altcha", solve_altcha(port, "noel")}});
            // Once the incident is open, its networks are banned: 429 from then on.
            const auto status =
                post_form(port, "/petitions/noel/sign", fields,
                          {{"X-Forwarded-For", ip}, {"User-Agent", "python-requests/2.25"}})
                    .status;
            ASSERT_TRUE(status == 303u || status == 429u) << status;
        }
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (store_rows(server_, "SELECT 1 FROM incident_actions WHERE action = 'quarantined'")
                   .empty() &&
               std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        ASSERT_EQ(server_.stop(), 0);
        const auto first = store_rows(server_, "SELECT MIN(id) FROM incidents");
        ASSERT_FALSE(first.empty());
        incident_ = first[0][0];
        ASSERT_FALSE(incident_.empty());
    }

    ServerProcess server_{
        "[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n"
        "[shield]\npow_max_number = 50\n"};
    std::string incident_;
};

TEST_F(Evidence, ExportWritesBothFilesWithTheirChecksumsAndRecordsThem) {
    flood();
    const auto out = server_.dir() / "evidence";
    fs::create_directory(out);
    std::string output;
    ASSERT_EQ(server_.run_cli(
                  {"evidence", "export", "--incident", incident_, "--out", out.string()}, &output),
              0)
        << output;

    const auto json_path = out / ("incident-" + incident_ + ".json");
    const auto csv_path = out / ("incident-" + incident_ + ".csv");
    const auto json = read_file(json_path);
    const auto csv = read_file(csv_path);
    ASSERT_FALSE(json.empty());
    ASSERT_FALSE(csv.empty());
    EXPECT_EQ(entries_in(out), 2u);  // no temporary left
    // Each path is printed with its size and its SHA-256, which a reader can recompute.
    for (const auto& [path, bytes] : {std::pair{json_path, json}, std::pair{csv_path, csv}}) {
        const auto line = path.string() + "  " + std::to_string(bytes.size()) + " bytes  SHA-256 " +
                          sha256_of(bytes);
        EXPECT_NE(output.find(line), std::string::npos) << output;
    }

    const auto root = boost::json::parse(json);
    EXPECT_EQ(root.at("format_version").as_int64(), defence::evidence_format_version);
    EXPECT_EQ(std::to_string(root.at("incident").at("id").as_int64()), incident_);
    EXPECT_EQ(root.at("incident").at("petition").at("slug").as_string(), "noel");
    EXPECT_GE(root.at("summary").at("events").as_int64(), 20);
    std::string organisations;
    for (const auto& as : root.at("sources").at("autonomous_systems").as_array())
        organisations += std::string(as.at("organisation").as_string()) + "|";
    EXPECT_NE(organisations.find("Loopback Télécom, SA|"), std::string::npos) << organisations;
    const auto& shown = root.at("signatures").at("shown").as_array();
    ASSERT_FALSE(shown.empty());
    const auto name = std::string(shown[0].at("name").as_string());
    EXPECT_TRUE(name == "Jeff Bezos" || name == "Bill Gates") << name;
    EXPECT_EQ(std::string(shown[0].at("email_masked").as_string()).substr(0, 5), "b***@");
    EXPECT_EQ(json.find("bot0@"), std::string::npos);  // no address in full
    EXPECT_NE(root.at("user_agents").at(0).at("user_agent").as_string().find("python-requests"),
              std::string::npos);

    EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBF\"section\",\"field\",\"value\"\r\n"));
    EXPECT_NE(csv.find("\"Loopback Télécom, SA\""), std::string::npos);
    EXPECT_NE(csv.find("\"déso pas déso\""), std::string::npos);

    // Each file recorded with the checksum printed.
    const auto recorded = store_rows(server_,
                                     "SELECT format, sha256, size_bytes, exported_by FROM "
                                     "evidence_exports WHERE incident_id = " +
                                         incident_ + " ORDER BY id");
    ASSERT_EQ(recorded.size(), 2u);
    EXPECT_EQ(recorded[0], (std::vector<std::string>{"json", sha256_of(json),
                                                     std::to_string(json.size()), "cli"}));
    EXPECT_EQ(recorded[1],
              (std::vector<std::string>{"csv", sha256_of(csv), std::to_string(csv.size()), "cli"}));

    // The same store exports the same bytes again; the list shows all four exports.
    ASSERT_EQ(server_.run_cli(
                  {"evidence", "export", "--incident", incident_, "--out", out.string()}, &output),
              0);
    EXPECT_EQ(read_file(json_path), json);
    EXPECT_EQ(read_file(csv_path), csv);
    ASSERT_EQ(server_.run_cli({"evidence", "list", "--incident", incident_}, &output), 0);
    std::size_t lines = 0;
    for (std::size_t at = output.find(sha256_of(json)); at != std::string::npos;
         at = output.find(sha256_of(json), at + 1))
        ++lines;
    EXPECT_EQ(lines, 2u) << output;
}

TEST_F(Evidence, BadRequestsSayWhyFailAndLeaveNoFile) {
    flood();
    const auto out = server_.dir() / "evidence";
    fs::create_directory(out);
    std::string output;
    EXPECT_NE(server_.run_cli({"evidence", "export", "--incident", "9999", "--out", out.string()},
                              &output),
              0);
    EXPECT_NE(output.find("no incident 9999"), std::string::npos) << output;
    for (const char* bad : {"abc", "0", "-3", "12x", ""}) {
        EXPECT_NE(server_.run_cli({"evidence", "export", "--incident", bad, "--out", out.string()},
                                  &output),
                  0)
            << bad;
        EXPECT_NE(output.find("positive whole number"), std::string::npos) << output;
    }
    const auto missing = server_.dir() / "nowhere";
    EXPECT_NE(
        server_.run_cli({"evidence", "export", "--incident", incident_, "--out", missing.string()},
                        &output),
        0);
    EXPECT_NE(output.find("nowhere: no such folder"), std::string::npos) << output;
    EXPECT_FALSE(fs::exists(missing));
    const auto file = server_.dir() / "plain-file";
    std::ofstream(file) << "x";
    EXPECT_NE(server_.run_cli(
                  {"evidence", "export", "--incident", incident_, "--out", file.string()}, &output),
              0);
    EXPECT_NE(output.find("plain-file: not a folder"), std::string::npos) << output;
    EXPECT_EQ(entries_in(out), 0u);
    EXPECT_TRUE(store_rows(server_, "SELECT 1 FROM evidence_exports").empty());
}

}  // namespace
}  // namespace rempart::testing
