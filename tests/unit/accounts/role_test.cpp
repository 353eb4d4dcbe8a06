// Tests for roles: names, and an admin may do all a moderator may.
#include <gtest/gtest.h>

#include "accounts/role.hpp"

namespace rempart::accounts {
namespace {

TEST(Role, ParsesAndPrintsItsTwoNames) {
    EXPECT_EQ(parse_role("admin"), Role::admin);
    EXPECT_EQ(parse_role("moderator"), Role::moderator);
    EXPECT_FALSE(parse_role("Admin"));
    EXPECT_FALSE(parse_role("root"));
    EXPECT_FALSE(parse_role(""));
    EXPECT_EQ(to_string(Role::admin), "admin");
    EXPECT_EQ(to_string(Role::moderator), "moderator");
}

TEST(Role, AdminHoldsEveryRightOfAModerator) {
    for (const auto action :
         {Action::view_incidents, Action::act_on_incidents, Action::manage_users})
        if (may(Role::moderator, action)) {
            EXPECT_TRUE(may(Role::admin, action));
        }
    EXPECT_TRUE(role_allows(Role::admin, Role::moderator));
    EXPECT_FALSE(role_allows(Role::moderator, Role::admin));
}

TEST(Role, OnlyAdminsManageUsers) {
    EXPECT_TRUE(may(Role::moderator, Action::act_on_incidents));
    EXPECT_FALSE(may(Role::moderator, Action::manage_users));
    EXPECT_TRUE(may(Role::admin, Action::manage_users));
}

}  // namespace
}  // namespace rempart::accounts
