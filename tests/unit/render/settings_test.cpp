// Tests for render/settings: [site], who runs the site.
#include "render/settings.hpp"

#include <gtest/gtest.h>

#include <utility>

#include "core/config.hpp"

namespace rempart::render {
namespace {

Result<SiteSettings> parse(std::string_view toml) {
    return config::parse(toml, "rempart.toml", read_site_settings);
}

TEST(SiteSettings, EmptyFileGivesTheDefaults) {
    const auto site = parse("");
    ASSERT_TRUE(site.ok());
    EXPECT_EQ(site->default_language, "fr");
}

TEST(SiteSettings, ReadsEveryKey) {
    const auto site = parse(R"(
[site]
name = "Vélo Cité"
default_language = "en"
controller = "Association Vélo Cité"
contact_email = "contact@velo.example"
postal_address = "1 rue de la Paix, Paris"
hosting_provider = "OVH"
terms_version = "2027-01-01"
privacy_version = "2027-01-02"
)");
    ASSERT_TRUE(site.ok()) << site.error().detail;
    EXPECT_EQ(site->name, "Vélo Cité");
    EXPECT_EQ(site->default_language, "en");
    EXPECT_EQ(site->controller, "Association Vélo Cité");
    EXPECT_EQ(site->contact_email, "contact@velo.example");
    EXPECT_EQ(site->postal_address, "1 rue de la Paix, Paris");
    EXPECT_EQ(site->hosting_provider, "OVH");
    EXPECT_EQ(site->terms_version, "2027-01-01");
    EXPECT_EQ(site->privacy_version, "2027-01-02");
}

TEST(SiteSettings, EachBadValueNamesItsKey) {
    const std::pair<const char*, const char*> cases[] = {
        {"[site]\ndefault_language = \"de\"", "[site] default_language: expected one of"},
        {"[site]\nname = true", "[site] name: expected a string, got true"},
    };
    for (const auto& [toml, expected] : cases) {
        const auto site = parse(toml);
        ASSERT_FALSE(site.ok()) << toml;
        EXPECT_EQ(site.error().code, ConfigError::bad_value) << toml;
        EXPECT_NE(site.error().detail.find(expected), std::string::npos)
            << toml << "\n  gave: " << site.error().detail;
    }
}

}  // namespace
}  // namespace rempart::render
