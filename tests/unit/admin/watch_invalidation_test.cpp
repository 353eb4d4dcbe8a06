// Tests for admin/watch_invalidation: a watch's value handed to the invalidation form, and
// the kinds the form cannot take.
#include "admin/watch_invalidation.hpp"

#include <gtest/gtest.h>

#include "http/target.hpp"

namespace rempart::admin {
namespace {

// 2026-11-25 09:30:40 UTC and 10:02:05 the same day.
constexpr std::int64_t first_ms = 1795599040'000;
constexpr std::int64_t now_ms = 1795600925'000;

defence::Watch watch(std::string_view dimension, std::string value) {
    defence::Watch w;
    w.petition_slug = "velo";
    w.dimension = *defence::parse_dimension(dimension);
    w.key_value = std::move(value);
    w.first_attempt_ms = first_ms;
    return w;
}

CatalogSnapshot petitions() {
    CatalogSnapshot snapshot;
    Petition petition;
    petition.id = 7;
    petition.slug = "velo";
    snapshot.petitions.push_back(petition);
    snapshot.index_by_slug["velo"] = 0;
    return snapshot;
}

// What the form reads back from the link, checked as a moderator's submission would be.
InvalidationCheck through_the_link(const InvalidationInput& input) {
    const auto link = invalidation_link(input);
    const auto query = std::string_view(link).substr(link.find('?') + 1);
    const auto form = http::parse_form(query);
    EXPECT_TRUE(form.ok()) << link;
    return check_invalidation(read_invalidation(*form), petitions());
}

TEST(WatchInvalidation, TheRangeRunsFromTheFirstAttemptsMinuteToNow) {
    const auto input = invalidation_of(watch("email_domain", "campus.example"), "", now_ms);
    ASSERT_TRUE(input.has_value());
    EXPECT_EQ(input->petition, "velo");
    EXPECT_EQ(input->from, "2026-11-25T09:30");
    EXPECT_EQ(input->to, "2026-11-25T10:02");
    EXPECT_FALSE(input->confirmed);
}

TEST(WatchInvalidation, DomainsNetworksOperatorsAndNamesReachTheFormAsItReadsThem) {
    const auto domain =
        through_the_link(*invalidation_of(watch("email_domain", "campus.example"), "", now_ms));
    ASSERT_TRUE(domain.errors.empty());
    EXPECT_EQ(domain.filter.kind, store::FilterKind::email_domain);
    EXPECT_EQ(domain.filter.value, "campus.example");
    EXPECT_EQ(domain.filter.from_s, first_ms / 1000 - 40);  // the minute's start
    EXPECT_EQ(domain.filter.to_s, now_ms / 1000 - 5 + 59);  // the minute included

    const auto network =
        through_the_link(*invalidation_of(watch("network", "net:203.0.113.0/24"), "", now_ms));
    ASSERT_TRUE(network.errors.empty());
    EXPECT_EQ(network.filter.value, "net:203.0.113.0/24");
    const auto v6 =
        through_the_link(*invalidation_of(watch("network", "net:2001:db8:1:2::/64"), "", now_ms));
    ASSERT_TRUE(v6.errors.empty());
    EXPECT_EQ(v6.filter.value, "net:2001:db8:1:2::/64");

    const auto as = through_the_link(*invalidation_of(watch("as", "as:64505"), "", now_ms));
    ASSERT_TRUE(as.errors.empty());
    EXPECT_EQ(as.filter.kind, store::FilterKind::as);
    EXPECT_EQ(as.filter.value, "64505");

    // A name is kept as a hash: the form gets it as a signer typed it, accents and all.
    const auto name = through_the_link(
        *invalidation_of(watch("name", "hmac:ab12"), "Jérôme Dupont & fils", now_ms));
    ASSERT_TRUE(name.errors.empty());
    EXPECT_EQ(name.filter.kind, store::FilterKind::name);
    EXPECT_EQ(
        name.filter.value,
        check_invalidation({"velo", "name", "Jérôme Dupont & fils", "", "", false}, petitions())
            .filter.value);
    EXPECT_FALSE(name.filter.value.empty());
}

TEST(WatchInvalidation, WhatTheFormCannotSelectByGetsNoLink) {
    for (const char* dimension : {"comment", "user_agent", "automation", "confirm_network"})
        EXPECT_FALSE(invalidation_of(watch(dimension, "x"), "Marie", now_ms).has_value())
            << dimension;
    // A name nobody's signature shows any more.
    EXPECT_FALSE(invalidation_of(watch("name", "hmac:ab12"), "", now_ms).has_value());
}

}  // namespace
}  // namespace rempart::admin
