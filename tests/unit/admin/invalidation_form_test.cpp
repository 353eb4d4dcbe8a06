// Tests for the form to invalidate by hand: every kind read into the store's terms, and
// each bad field named.
#include "admin/invalidation_form.hpp"

#include <gtest/gtest.h>

namespace rempart::admin {
namespace {

class InvalidationForm : public ::testing::Test {
  protected:
    InvalidationForm() {
        Petition petition;
        petition.id = 7;
        petition.slug = "velo";
        petitions_.petitions.push_back(petition);
        petitions_.index_by_slug["velo"] = 0;
    }
    InvalidationCheck check(std::string kind, std::string value, std::string from = "",
                            std::string to = "") {
        return check_invalidation(
            {"velo", std::move(kind), std::move(value), std::move(from), std::move(to), false},
            petitions_);
    }
    static std::vector<std::string> fields(const InvalidationCheck& checked) {
        std::vector<std::string> out;
        for (const auto& [field, key] : checked.errors) out.push_back(field);
        return out;
    }
    CatalogSnapshot petitions_;
};

TEST_F(InvalidationForm, EachKindIsReadAsTheStoreCompares) {
    auto checked = check("ip", "203.0.113.7");
    ASSERT_TRUE(checked.errors.empty());
    EXPECT_EQ(checked.filter.petition_id, 7);
    EXPECT_EQ(checked.filter.kind, store::FilterKind::ip);
    EXPECT_EQ(checked.filter.value, "203.0.113.7");
    EXPECT_EQ(check("network", "203.0.113.0/24").filter.value, "net:203.0.113.0/24");
    EXPECT_EQ(check("network", "2001:db8:1:2::9").filter.value, "net:2001:db8:1:2::/64");
    EXPECT_EQ(check("as", "AS16276").filter.value, "16276");
    EXPECT_EQ(check("as", "16276").filter.value, "16276");
    EXPECT_EQ(check("email_domain", "Catchall.EXAMPLE").filter.value, "catchall.example");
    EXPECT_EQ(check("email_domain", "exämple.fr").filter.value, "xn--exmple-cua.fr");
    EXPECT_EQ(check("name", "  Jéff  BEZOS! ").filter.value, "jeff bezos");
    EXPECT_TRUE(check("time_range", "", "2026-11-25T09:30").errors.empty());
}

TEST_F(InvalidationForm, TimesAreUtcMinutesWithTheEndMinuteIncluded) {
    const auto checked = check("time_range", "", "2026-11-25T09:30", "2026-11-25T09:31");
    ASSERT_TRUE(checked.errors.empty());
    EXPECT_EQ(checked.filter.from_s, 1'795'599'000);
    EXPECT_EQ(checked.filter.to_s, 1'795'599'060 + 59);
    EXPECT_EQ(parse_utc_minute("2026-11-25T09:30:15"), 1'795'599'015);
    EXPECT_EQ(parse_utc_minute("25/11/2026"), -1);
    EXPECT_EQ(parse_utc_minute("2026-11-25T09:30junk"), -1);
}

TEST_F(InvalidationForm, EveryBadFieldIsNamed) {
    EXPECT_EQ(fields(check("ip", "203.0.113")), std::vector<std::string>{"value"});
    EXPECT_EQ(fields(check("as", "ASX")), std::vector<std::string>{"value"});
    EXPECT_EQ(fields(check("as", "")), std::vector<std::string>{"value"});
    EXPECT_EQ(fields(check("email_domain", "bad domain")), std::vector<std::string>{"value"});
    EXPECT_EQ(fields(check("name", "!!!")), std::vector<std::string>{"value"});
    EXPECT_EQ(fields(check("shoe_size", "42")), std::vector<std::string>{"kind"});
    EXPECT_EQ(fields(check("time_range", "")), std::vector<std::string>{"from"});
    EXPECT_EQ(fields(check("time_range", "", "2026-11-25T10:00", "2026-11-25T09:00")),
              std::vector<std::string>{"to"});
    EXPECT_EQ(fields(check("ip", "203.0.113.7", "soon")), std::vector<std::string>{"from"});
    const auto unknown =
        check_invalidation({"nope", "ip", "203.0.113.7", "", "", false}, petitions_);
    EXPECT_EQ(fields(unknown), std::vector<std::string>{"petition"});
    EXPECT_EQ(unknown.errors[0].second, "admin.inv_petition_unknown");
}

TEST_F(InvalidationForm, TheFormIsReadTrimmedWithItsConfirmation) {
    const auto input = read_invalidation(
        {{"petition", " velo "}, {"kind", "ip"}, {"value", " 1.2.3.4"}, {"confirm", "1"}});
    EXPECT_EQ(input.petition, "velo");
    EXPECT_EQ(input.value, "1.2.3.4");
    EXPECT_TRUE(input.confirmed);
    EXPECT_FALSE(read_invalidation({{"confirm", "yes"}}).confirmed);
}

}  // namespace
}  // namespace rempart::admin
