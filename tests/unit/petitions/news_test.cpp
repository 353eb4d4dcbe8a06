// News to the signers: what the organiser wrote is cleaned and checked, every error kept,
// and a sending's progress never overstates what was delivered.
#include "petitions/news.hpp"

#include <gtest/gtest.h>

#include "petitions/errors.hpp"

namespace rempart {
namespace {

std::vector<std::string> fields_of(const NewsCheck& check) {
    std::vector<std::string> fields;
    for (const auto& error : check.errors) fields.push_back(error.field);
    return fields;
}

TEST(News, KindsAndSendingStatesReadBackAsWritten) {
    for (const auto kind : {NewsKind::update, NewsKind::answer, NewsKind::victory})
        EXPECT_EQ(parse_news_kind(to_string(kind)), kind);
    for (const auto sending :
         {NewsSending::draft, NewsSending::sending, NewsSending::paused, NewsSending::sent})
        EXPECT_EQ(parse_news_sending(to_string(sending)), sending);
    EXPECT_FALSE(parse_news_kind("newsletter"));
    EXPECT_FALSE(parse_news_sending(""));
}

TEST(News, ASubjectIsOneCleanLineAndTheTextKeepsItsParagraphs) {
    const auto check = check_news(
        {NewsKind::update, "  Le maire\r\nBcc: tous  ", "Nous avons été reçus.\n\nMerci !\u0007"});
    EXPECT_TRUE(check.errors.empty());
    EXPECT_EQ(check.draft.subject, "Le maire  Bcc: tous");
    EXPECT_EQ(check.draft.body_markdown, "Nous avons été reçus.\n\nMerci !");
}

TEST(News, EveryEmptyOrOversizedFieldIsNamed) {
    EXPECT_EQ(fields_of(check_news({NewsKind::update, " \n ", "\u200b"})),
              (std::vector<std::string>{"subject", "text"}));
    const auto empty = check_news({NewsKind::update, "", ""});
    EXPECT_EQ(empty.errors[0].code, PetitionError::news_subject_invalid);
    EXPECT_EQ(empty.errors[1].code, PetitionError::news_body_invalid);
    const auto long_subject = check_news({NewsKind::update, std::string(151, 'a'), "ok"});
    ASSERT_EQ(long_subject.errors.size(), 1u);
    EXPECT_EQ(long_subject.errors[0].code, PetitionError::news_subject_too_long);
    // 150 characters of two bytes each fit: the limit counts characters.
    std::string accents;
    for (int i = 0; i < 150; ++i) accents += "é";
    EXPECT_TRUE(check_news({NewsKind::update, accents, "ok"}).errors.empty());
    const auto long_text = check_news({NewsKind::update, "Objet", std::string(50'001, 'a')});
    ASSERT_EQ(long_text.errors.size(), 1u);
    EXPECT_EQ(long_text.errors[0].code, PetitionError::news_body_too_long);
    const auto not_utf8 = check_news({NewsKind::update, "\xff", "\xc3"});
    EXPECT_EQ(fields_of(not_utf8), (std::vector<std::string>{"subject", "text"}));
    EXPECT_EQ(not_utf8.errors[0].code, PetitionError::text_invalid_utf8);
}

TEST(News, OnlyPublishedAndClosedPetitionsHaveSignersToTell) {
    EXPECT_FALSE(takes_news(PetitionState::draft));
    EXPECT_TRUE(takes_news(PetitionState::published));
    EXPECT_TRUE(takes_news(PetitionState::closed));
    EXPECT_FALSE(takes_news(PetitionState::archived));
}

TEST(News, ProgressCountsDeliveredMailsAndReachesAHundredOnlyWhenAllAre) {
    News news;
    EXPECT_EQ(sending_percent(news), 0);
    news.sending = NewsSending::sending;
    news.recipients = 200;
    news.queued = 120;
    news.delivered = 50;
    EXPECT_EQ(sending_percent(news), 25);
    // Every mail queued but not all delivered: not yet done.
    news.sending = NewsSending::sent;
    news.queued = 200;
    news.delivered = 199;
    EXPECT_EQ(sending_percent(news), 99);
    news.delivered = 200;
    EXPECT_EQ(sending_percent(news), 100);
    // Signers who opted in after the start are mailed too: the bar still ends at 100.
    news.sending = NewsSending::sending;
    news.queued = 210;
    news.delivered = 205;
    EXPECT_EQ(sending_percent(news), 97);
}

TEST(News, TheFormIsCheckedAgainstItsPetition) {
    Petition petition;
    petition.state = PetitionState::published;
    EXPECT_TRUE(check_news_for(petition, "victory", "Gagné", "Merci.").errors.empty());
    EXPECT_EQ(fields_of(check_news_for(petition, "newsletter", "", "Merci.")),
              (std::vector<std::string>{"kind", "subject"}));
    petition.won_at = 100;
    EXPECT_EQ(check_news_for(petition, "victory", "Gagné", "Merci.").errors[0].code,
              PetitionError::already_won);
    EXPECT_TRUE(check_news_for(petition, "update", "Encore", "Merci.").errors.empty());
    petition.state = PetitionState::archived;
    EXPECT_EQ(check_news_for(petition, "update", "Encore", "Merci.").errors[0].code,
              PetitionError::news_not_public);
}

TEST(News, AnAuthorStartsOneSendingADayAndTheOrganisersAreNotCounted) {
    std::vector<News> news(3);
    news[0].author = std::string(news_by_author);  // a draft: not sent, not counted
    news[1].author = "olga@example.org";
    news[1].published_at = 10'000;
    news[2].author = std::string(news_by_target);
    news[2].published_at = 10'000;
    EXPECT_FALSE(author_next_sending(news, news_by_author, 10'001));
    news[0].published_at = 10'000;
    EXPECT_EQ(author_next_sending(news, news_by_author, 10'001), 10'000 + author_news_gap_s);
    EXPECT_EQ(author_next_sending(news, news_by_author, 10'000 + author_news_gap_s - 1),
              10'000 + author_news_gap_s);
    EXPECT_FALSE(author_next_sending(news, news_by_author, 10'000 + author_news_gap_s));
    EXPECT_FALSE(author_next_sending({}, news_by_author, 0));
}

TEST(News, EachStepHasItsNameAndTheWordOfItsNotice) {
    EXPECT_EQ(to_string(NewsStep::send), "send");
    EXPECT_EQ(to_string(NewsStep::resume), "resume");
    EXPECT_EQ(news_step_done(NewsStep::send), "sending");
    EXPECT_EQ(news_step_done(NewsStep::pause), "paused");
    EXPECT_EQ(news_step_done(NewsStep::resume), "resumed");
}

}  // namespace
}  // namespace rempart
