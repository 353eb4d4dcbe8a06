// Tests for petitions/proposal_form and petitions/author_link: the public form read and
// checked field by field, and the author's link made, read and refused when altered.
#include "petitions/proposal_form.hpp"

#include <gtest/gtest.h>

#include "petitions/author_link.hpp"
#include "petitions/proposal_checks.hpp"

namespace rempart {
namespace {

constexpr std::int64_t form_now = 1'800'000'000;

ProposalForm good_form() {
    ProposalForm form;
    form.title = "Ouvrir la piscine en août";
    form.summary = "Tout l'été.";
    form.text = "Parce que **il fait chaud**.";
    form.goal = " 1000 ";
    form.target_name = "Le maire";
    form.author_name = "Camille Martin";
    form.author_email = "Camille@Example.org";
    form.accept_terms = true;
    form.altcha = "payload";
    return form;
}

std::vector<std::string> fields_of(const CheckedProposal& checked) {
    std::vector<std::string> fields;
    for (const auto& error : checked.errors) fields.push_back(error.field + ":" + error.message);
    return fields;
}

TEST(ProposalForm, AGoodFormGivesADraftAndItsAuthor) {
    const auto checked = check_proposal_form(good_form(), "en", form_now);
    ASSERT_TRUE(checked.input) << ::testing::PrintToString(fields_of(checked));
    EXPECT_EQ(checked.input->draft.slug, "ouvrir-la-piscine-en-aout");
    EXPECT_EQ(checked.input->draft.goal, 1000);
    EXPECT_EQ(checked.input->draft.language, "en");
    EXPECT_EQ(checked.input->author_name, "Camille Martin");
    EXPECT_EQ(checked.input->author_email.canonical, "camille@example.org");
}

TEST(ProposalForm, EveryWrongFieldIsReportedAtOnceInTheFormsOrder) {
    ProposalForm form;
    form.goal = "beaucoup";
    form.author_email = "pas une adresse";
    const auto checked = check_proposal_form(form, "fr", form_now);
    EXPECT_FALSE(checked.input);
    EXPECT_EQ(fields_of(checked),
              (std::vector<std::string>{
                  "title:petition.title_invalid", "text:petition.body_invalid",
                  "goal:petition.goal_invalid", "target_name:propose.target_required",
                  "author_name:sign.name_required", "author_email:sign.email_invalid",
                  "accept_terms:sign.terms_required", "altcha:sign.pow_missing"}));
}

TEST(ProposalForm, UnreadableAndOversizedTextIsRefusedBesideItsField) {
    auto form = good_form();
    form.title = "Titre \xff";
    form.summary = std::string(501, 'a');
    const auto checked = check_proposal_form(form, "fr", form_now);
    EXPECT_EQ(fields_of(checked), (std::vector<std::string>{"title:text.invalid_utf8",
                                                            "summary:petition.summary_too_long"}));
    form = good_form();
    form.title = "!!!";
    EXPECT_EQ(fields_of(check_proposal_form(form, "fr", form_now)),
              std::vector<std::string>{"title:propose.title_no_letters"});
}

TEST(ProposalForm, AnEditChecksThePetitionsFieldsOnly) {
    ProposalForm form = good_form();
    form.author_name.clear();
    form.author_email.clear();
    form.accept_terms = false;
    form.altcha.clear();
    const auto checked = check_proposal_edit(form, "fr", form_now);
    ASSERT_TRUE(checked.input);
    EXPECT_EQ(checked.input->draft.title, "Ouvrir la piscine en août");
    form.target_name = " ";
    EXPECT_EQ(fields_of(check_proposal_edit(form, "fr", form_now)),
              std::vector<std::string>{"target_name:propose.target_required"});
}

TEST(ProposalForm, AFieldSentTwiceKeepsItsFirstValue) {
    const auto form = read_proposal_form(
        {{"title", "Premier"}, {"title", "Second"}, {"accept_terms", "1"}, {"unknown", "x"},
         {"different", "1"}});
    EXPECT_EQ(form.title, "Premier");
    EXPECT_TRUE(form.accept_terms);
    EXPECT_TRUE(form.different);
    EXPECT_FALSE(read_proposal_form({{"different", "0"}}).different);
}

TEST(AuthorLink, ALinkNamesItsPetitionAndOnlyTheCurrentNonceOpensIt) {
    const std::string secret(32, 's');
    const auto token = author_link_token(secret, 42, "nonce-1");
    EXPECT_TRUE(token.starts_with("42-"));
    EXPECT_EQ(author_link_id(token), 42);
    EXPECT_TRUE(author_link_matches(secret, token, 42, "nonce-1"));
    EXPECT_FALSE(author_link_matches(secret, token, 42, "nonce-2"));  // a new link was sent
    EXPECT_FALSE(author_link_matches(secret, token, 43, "nonce-1"));
    EXPECT_FALSE(author_link_matches(std::string(32, 't'), token, 42, "nonce-1"));
    EXPECT_FALSE(author_link_matches(secret, token, 42, ""));
    auto altered = token;
    altered.back() = altered.back() == '0' ? '1' : '0';
    EXPECT_FALSE(author_link_matches(secret, altered, 42, "nonce-1"));
    for (const auto* junk : {"", "-", "042-abc", "x-abc", "0-abc", "99999999999999999999-a"})
        EXPECT_FALSE(author_link_id(junk)) << junk;
    EXPECT_NE(new_author_link_nonce(), new_author_link_nonce());
}

TEST(AuthorLink, ASupportLinkOpensNeitherTheAuthorsPageNorAnotherProposal) {
    const std::string secret(32, 's');
    const auto support = support_link_token(secret, 42);
    EXPECT_EQ(author_link_id(support), 42);
    EXPECT_TRUE(support_link_matches(secret, support, 42));
    EXPECT_FALSE(support_link_matches(secret, support, 43));
    EXPECT_FALSE(support_link_matches(std::string(32, 't'), support, 42));
    // Under another purpose than the author's: neither opens the other's page.
    const auto author = author_link_token(secret, 42, "nonce-1");
    EXPECT_FALSE(support_link_matches(secret, author, 42));
    EXPECT_FALSE(author_link_matches(secret, support, 42, "nonce-1"));
    EXPECT_EQ(support_link_token(secret, 42), support);  // the same for good
}

TEST(ProposalFlagsJson, FlagsGoToTheStoreAndComeBackAndJunkGivesNone) {
    const std::vector<ProposalFlag> flags{
        {ProposalFlagKind::links, "5 links", {"5"}},
        {ProposalFlagKind::near_duplicate, "looks like /petitions/a", {"a", "b"}}};
    const auto back = flags_from_json(flags_to_json(flags));
    ASSERT_EQ(back.size(), 2u);
    EXPECT_EQ(back[1].kind, ProposalFlagKind::near_duplicate);
    EXPECT_EQ(back[1].values, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(back[0].detail, "5 links");
    EXPECT_TRUE(flags_from_json("not json").empty());
    EXPECT_TRUE(flags_from_json("[{\"kind\":\"unknown\"},3]").empty());
    EXPECT_TRUE(flags_from_json("[]").empty());
}

}  // namespace
}  // namespace rempart
