// Tests for reading and checking the signing form: every field's good and bad input.
#include <gtest/gtest.h>

#include "signatures/signing_form.hpp"

namespace rempart::signatures {
namespace {

SigningForm good() {
    SigningForm form;
    form.name = "  Marie   Curie ";
    form.email = "Marie.Curie+petitions@GMail.com";
    form.postcode = "75005";
    form.comment = "Bravo !";
    form.accept_terms = true;
    form.altcha = "payload";
    return form;
}

std::vector<std::string> fields_in_error(const CheckedForm& checked) {
    std::vector<std::string> fields;
    for (const auto& error : checked.errors) fields.push_back(error.field + ":" + error.message);
    return fields;
}

TEST(SigningForm, ReadsTheContractsFields) {
    const auto form = read_signing_form({{"name", "Marie"},
                                         {"email", "m@example.org"},
                                         {"postcode", "75005"},
                                         {"comment", "c"},
                                         {"public_name", "1"},
                                         {"newsletter", "1"},
                                         {"updates", "1"},
                                         {"accept_terms", "1"},
                                         {"altcha", "p"},
                                         {"unknown", "x"},
                                         {"name", "Second"}});
    EXPECT_EQ(form.name, "Marie");
    EXPECT_EQ(form.email, "m@example.org");
    EXPECT_TRUE(form.public_name);
    EXPECT_TRUE(form.newsletter);
    EXPECT_TRUE(form.updates);
    EXPECT_TRUE(form.accept_terms);
    EXPECT_EQ(form.altcha, "p");
    const auto unticked = read_signing_form({{"newsletter", "0"}, {"accept_terms", ""}});
    EXPECT_FALSE(unticked.newsletter);
    EXPECT_FALSE(unticked.updates);
    EXPECT_FALSE(unticked.accept_terms);
}

TEST(SigningForm, AGoodFormGivesCleanedValues) {
    const auto checked = check_signing_form(good(), false);
    ASSERT_TRUE(checked.input) << ::testing::PrintToString(fields_in_error(checked));
    EXPECT_EQ(checked.input->name, "Marie Curie");
    EXPECT_EQ(checked.input->name_normalised, "marie curie");
    EXPECT_EQ(checked.input->email.canonical, "mariecurie@gmail.com");
    ASSERT_TRUE(checked.input->postcode);
    EXPECT_EQ(checked.input->postcode->department, "75");
    EXPECT_EQ(checked.input->comment, "Bravo !");
    EXPECT_FALSE(checked.input->newsletter);
    EXPECT_FALSE(checked.input->updates);
    auto ticked = good();
    ticked.updates = true;
    EXPECT_TRUE(check_signing_form(ticked, false).input->updates);
}

TEST(SigningForm, EveryProblemIsReportedAtOnceBesideItsField) {
    SigningForm form;
    form.email = "not-an-address";
    form.postcode = "7500";
    const auto checked = check_signing_form(form, false);
    EXPECT_FALSE(checked.input);
    EXPECT_EQ(fields_in_error(checked),
              (std::vector<std::string>{"name:sign.name_required", "email:sign.email_invalid",
                                        "postcode:sign.postcode_invalid",
                                        "accept_terms:sign.terms_required",
                                        "altcha:sign.pow_missing"}));
}

TEST(SigningForm, EachBadFieldHasItsOwnMessage) {
    struct Case {
        void (*change)(SigningForm&);
        std::string expected;
    };
    const Case cases[] = {
        {[](SigningForm& f) { f.name = "   "; }, "name:sign.name_required"},
        {[](SigningForm& f) { f.name = "\u200b\u200b"; }, "name:sign.name_required"},
        {[](SigningForm& f) { f.name = std::string(101, 'a'); }, "name:sign.name_too_long"},
        {[](SigningForm& f) { f.name = std::string(5000, 'a'); }, "name:sign.name_too_long"},
        {[](SigningForm& f) { f.name = "Marie\xff"; }, "name:sign.text_invalid"},
        {[](SigningForm& f) { f.email = ""; }, "email:sign.email_required"},
        {[](SigningForm& f) { f.email = "marie@"; }, "email:sign.email_invalid"},
        {[](SigningForm& f) { f.email = "marie@localhost"; }, "email:sign.email_invalid"},
        {[](SigningForm& f) { f.email = "ma rie@example.org"; }, "email:sign.email_invalid"},
        {[](SigningForm& f) { f.postcode = "ABCDE"; }, "postcode:sign.postcode_invalid"},
        {[](SigningForm& f) { f.postcode = "750051"; }, "postcode:sign.postcode_invalid"},
        {[](SigningForm& f) { f.comment = std::string(1001, 'x'); },
         "comment:sign.comment_too_long"},
        {[](SigningForm& f) { f.comment = "bad \xc3"; }, "comment:sign.text_invalid"},
        {[](SigningForm& f) { f.accept_terms = false; }, "accept_terms:sign.terms_required"},
        {[](SigningForm& f) { f.altcha.clear(); }, "altcha:sign.pow_missing"},
    };
    for (const auto& c : cases) {
        auto form = good();
        c.change(form);
        const auto checked = check_signing_form(form, false);
        EXPECT_FALSE(checked.input) << c.expected;
        EXPECT_EQ(fields_in_error(checked), std::vector<std::string>{c.expected});
    }
}

TEST(SigningForm, PostcodeIsRequiredOnlyWhenThePetitionAsks) {
    auto form = good();
    form.postcode = " ";
    EXPECT_TRUE(check_signing_form(form, false).input);
    EXPECT_EQ(fields_in_error(check_signing_form(form, true)),
              std::vector<std::string>{"postcode:sign.postcode_required"});
}

TEST(SigningForm, InvisibleCharactersCannotDisguiseAName) {
    auto form = good();
    form.name = "Jeff\u200b Be\u202ezos";
    const auto checked = check_signing_form(form, false);
    ASSERT_TRUE(checked.input);
    EXPECT_EQ(checked.input->name_normalised, "jeff bezos");
    form.name = "JÉFF  BEZOS";
    EXPECT_EQ(check_signing_form(form, false).input->name_normalised, "jeff bezos");
}

TEST(SigningForm, ACommentKeepsItsLinesButNotItsControls) {
    auto form = good();
    form.comment = "line one\r\nline two\x07";
    const auto checked = check_signing_form(form, false);
    ASSERT_TRUE(checked.input);
    EXPECT_EQ(checked.input->comment, "line one\nline two");
    form.comment = "Déso pas déso";
    EXPECT_EQ(check_signing_form(form, false).input->comment_normalised, "deso pas deso");
}

}  // namespace
}  // namespace rempart::signatures
