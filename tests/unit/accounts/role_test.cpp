// Tests for roles: names, and what each may do in the back office.
#include <gtest/gtest.h>

#include "accounts/role.hpp"

namespace rempart::accounts {
namespace {

constexpr Action every_action[] = {
    Action::use_back_office,    Action::view_incidents, Action::act_on_incidents,
    Action::change_shield,      Action::view_petitions, Action::manage_petitions,
    Action::manage_users,       Action::view_audit,     Action::change_settings,
    Action::moderate_petitions, Action::hold_signatures, Action::export_subscribers,
};

TEST(Role, ParsesAndPrintsItsThreeNames) {
    for (const auto role : {Role::admin, Role::moderator, Role::organiser})
        EXPECT_EQ(parse_role(to_string(role)), role);
    EXPECT_EQ(to_string(Role::organiser), "organiser");
    EXPECT_FALSE(parse_role("Admin"));
    EXPECT_FALSE(parse_role("organizer"));
    EXPECT_FALSE(parse_role("root"));
    EXPECT_FALSE(parse_role(""));
}

TEST(Role, AdminMayDoEverything) {
    for (const auto action : every_action) EXPECT_TRUE(may(Role::admin, action));
}

TEST(Role, ModeratorsLookAfterTheDefenceAndTheQueueButRunNoPetition) {
    EXPECT_TRUE(may(Role::moderator, Action::view_incidents));
    EXPECT_TRUE(may(Role::moderator, Action::moderate_petitions));
    EXPECT_TRUE(may(Role::moderator, Action::act_on_incidents));
    EXPECT_TRUE(may(Role::moderator, Action::view_petitions));
    EXPECT_FALSE(may(Role::moderator, Action::manage_petitions));
    EXPECT_FALSE(may(Role::moderator, Action::change_shield));
    EXPECT_FALSE(may(Role::moderator, Action::manage_users));
    EXPECT_FALSE(may(Role::moderator, Action::view_audit));
    EXPECT_FALSE(may(Role::moderator, Action::change_settings));
    EXPECT_FALSE(may(Role::moderator, Action::hold_signatures));
    EXPECT_FALSE(may(Role::moderator, Action::export_subscribers));
}

TEST(Role, OrganisersRunPetitionsAndSeeNeitherAccountsNorTheAuditLog) {
    EXPECT_TRUE(may(Role::organiser, Action::use_back_office));
    EXPECT_TRUE(may(Role::organiser, Action::view_petitions));
    EXPECT_TRUE(may(Role::organiser, Action::manage_petitions));
    // The association's newsletter is the organisers' to send, with their mailing tool.
    EXPECT_TRUE(may(Role::organiser, Action::export_subscribers));
    EXPECT_FALSE(may(Role::organiser, Action::manage_users));
    EXPECT_FALSE(may(Role::organiser, Action::view_audit));
    EXPECT_FALSE(may(Role::organiser, Action::view_incidents));
    EXPECT_FALSE(may(Role::organiser, Action::act_on_incidents));
    EXPECT_FALSE(may(Role::organiser, Action::change_shield));
    EXPECT_FALSE(may(Role::organiser, Action::change_settings));
    EXPECT_FALSE(may(Role::organiser, Action::moderate_petitions));
    EXPECT_FALSE(may(Role::organiser, Action::hold_signatures));
}

TEST(Role, EveryRoleReachesTheBackOfficeHome) {
    for (const auto role : {Role::admin, Role::moderator, Role::organiser})
        EXPECT_TRUE(may(role, Action::use_back_office));
}

}  // namespace
}  // namespace rempart::accounts
