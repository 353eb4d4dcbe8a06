// Tests for petitions/reason_form: a rejection reason as an admin types it.
#include "petitions/reason_form.hpp"

#include <gtest/gtest.h>

namespace rempart {
namespace {

TEST(ReasonForm, ACleanReasonPassesWithItsLinesKept) {
    const auto check = check_reason_form(
        {"  Pétition   locale  ", "Votre pétition concerne une seule rue.\r\nÉcrivez au maire.", true});
    ASSERT_TRUE(check.reason);
    EXPECT_TRUE(check.errors.empty());
    EXPECT_EQ(check.reason->label, "Pétition locale");
    EXPECT_EQ(check.reason->public_text, "Votre pétition concerne une seule rue.\nÉcrivez au maire.");
    EXPECT_TRUE(check.reason->hidden);
}

TEST(ReasonForm, EachFieldSaysWhatIsWrongWithIt) {
    auto check = check_reason_form({"", " \n ", false});
    EXPECT_FALSE(check.reason);
    ASSERT_EQ(check.errors.size(), 2u);
    EXPECT_EQ(check.errors[0].field, "label");
    EXPECT_EQ(check.errors[0].message_key, "admin.reason_label_required");
    EXPECT_EQ(check.errors[1].field, "public_text");
    EXPECT_EQ(check.errors[1].message_key, "admin.reason_public_text_required");

    check = check_reason_form({std::string(reason_label_chars + 1, 'a'),
                               std::string(reason_text_chars + 1, 'b'), false});
    ASSERT_EQ(check.errors.size(), 2u);
    EXPECT_EQ(check.errors[0].message_key, "admin.reason_label_too_long");
    EXPECT_EQ(check.errors[1].message_key, "admin.reason_public_text_too_long");

    // Exactly at the limits passes.
    EXPECT_TRUE(check_reason_form({std::string(reason_label_chars, 'a'),
                                   std::string(reason_text_chars, 'b'), false})
                    .reason);
}

TEST(ReasonForm, TextThatIsNotUtf8IsRefusedNotRepaired) {
    const auto check = check_reason_form({"Raison \xff", "Mots \xc3", false});
    EXPECT_FALSE(check.reason);
    ASSERT_EQ(check.errors.size(), 2u);
    EXPECT_EQ(check.errors[0].message_key, "admin.reason_label_unreadable");
    EXPECT_EQ(check.errors[1].message_key, "admin.reason_public_text_unreadable");
}

}  // namespace
}  // namespace rempart
