// The command line: clear errors for bad input, and nothing stored is lost or changed.
#include <gtest/gtest.h>

#include <fstream>

#include "support/server_process.hpp"

namespace rempart::testing {
namespace {

class Cli : public ::testing::Test {
  protected:
    void SetUp() override {
        text_ = server_.dir() / "text.md";
        std::ofstream(text_) << "Un texte.\n";
    }
    int create(std::vector<std::string> args, std::string* output) {
        std::vector<std::string> full = {"petition", "create"};
        full.insert(full.end(), args.begin(), args.end());
        return server_.run_cli(full, output);
    }
    ServerProcess server_;
    std::filesystem::path text_;
};

TEST_F(Cli, CreatesAndListsAPetition) {
    std::string output;
    ASSERT_EQ(
        create({"--slug", "ok-slug", "--title", "Titre", "--text-file", text_.string()}, &output),
        0)
        << output;
    EXPECT_NE(output.find("/petitions/ok-slug"), std::string::npos);
    ASSERT_EQ(server_.run_cli({"petition", "list"}, &output), 0);
    EXPECT_NE(output.find("ok-slug"), std::string::npos);
    EXPECT_NE(output.find("Titre"), std::string::npos);
}

TEST_F(Cli, RefusesASlugThatExistsAndKeepsTheFirst) {
    std::string output;
    ASSERT_EQ(
        create({"--slug", "same", "--title", "Premier", "--text-file", text_.string()}, &output),
        0);
    EXPECT_NE(
        create({"--slug", "same", "--title", "Second", "--text-file", text_.string()}, &output), 0);
    EXPECT_NE(output.find("already exists"), std::string::npos) << output;
    server_.run_cli({"petition", "list"}, &output);
    EXPECT_NE(output.find("Premier"), std::string::npos);
    EXPECT_EQ(output.find("Second"), std::string::npos);
}

TEST_F(Cli, RefusesAMalformedSlug) {
    std::string output;
    for (const char* slug : {"Bad Slug", "a", "-start", "end-", "double--dash", "é"}) {
        EXPECT_NE(create({"--slug", slug, "--title", "T", "--text-file", text_.string()}, &output),
                  0)
            << slug;
        EXPECT_NE(output.find("slug"), std::string::npos) << output;
    }
}

TEST_F(Cli, RefusesAMissingFile) {
    std::string output;
    EXPECT_NE(
        create({"--slug", "missing", "--title", "T", "--text-file", "/nonexistent/x.md"}, &output),
        0);
    EXPECT_NE(output.find("/nonexistent/x.md"), std::string::npos) << output;
}

TEST_F(Cli, RefusesABadGoal) {
    std::string output;
    for (const char* goal : {"0", "-5", "abc", "12.5", "1e9", "999999999999"}) {
        EXPECT_NE(create({"--slug", "goal", "--title", "T", "--goal", goal, "--text-file",
                          text_.string()},
                         &output),
                  0)
            << goal;
        EXPECT_NE(output.find("goal"), std::string::npos) << output;
    }
}

TEST_F(Cli, RefusesATextThatIsNotUtf8) {
    const auto bad = server_.dir() / "bad.md";
    std::ofstream(bad) << "caf\xe9 en latin-1\n";
    std::string output;
    EXPECT_NE(create({"--slug", "latin", "--title", "T", "--text-file", bad.string()}, &output), 0);
    EXPECT_NE(output.find("UTF-8"), std::string::npos) << output;
}

TEST_F(Cli, ConfigErrorsNameTheKeyAndLine) {
    const auto config = server_.dir() / "bad.toml";
    std::ofstream(config) << "[server]\nlisten = \"127.0.0.1:8080\"\nlisen = \"oops\"\n";
    std::string output;
    EXPECT_NE(server_.run_cli({"serve", "--config", config.string()}, &output, false), 0);
    EXPECT_NE(output.find("lisen"), std::string::npos) << output;
    EXPECT_NE(output.find(":3"), std::string::npos) << output;
}

TEST_F(Cli, ConfigWrongTypeIsRefused) {
    const auto config = server_.dir() / "type.toml";
    std::ofstream(config) << "[limits]\nheader_bytes = \"big\"\n";
    std::string output;
    EXPECT_NE(server_.run_cli({"petition", "list", "--config", config.string()}, &output, false),
              0);
    EXPECT_NE(output.find("header_bytes"), std::string::npos) << output;
}

}  // namespace
}  // namespace rempart::testing
