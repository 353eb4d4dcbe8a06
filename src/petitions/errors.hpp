// The errors of writing and finding a petition; each has its message in locales/, since
// the organiser reads them.
#pragma once

#include <string_view>

namespace rempart {

enum class PetitionError {
    text_invalid_utf8,     // a field is not UTF-8 text
    slug_invalid,          // the slug's length or characters
    slug_taken,            // another petition has this slug
    not_found,             // no petition has this slug
    title_invalid,         // the title is empty
    title_too_long,        // more characters than title_max
    summary_too_long,      // more characters than summary_max
    body_invalid,          // the text is empty
    body_too_long,         // more bytes than body_max_bytes
    goal_invalid,          // not a whole number, or out of range
    goal_below_count,      // a goal below the signatures already counted
    target_too_long,       // the target's name or function past target_max
    target_email_invalid,  // the target's e-mail is not an address
    end_date_invalid,      // not a date written YYYY-MM-DD
    end_date_past,         // an end date already passed
    language_invalid,      // not a language the site speaks
    slug_locked,           // the slug of a published petition cannot change
    state_conflict,        // the petition is not in a state this step starts from
    news_kind_invalid,     // news is an update, the target's answer or a victory
    news_subject_invalid,  // the subject is empty
    news_subject_too_long,
    news_body_invalid,  // the text is empty
    news_body_too_long,
    news_not_public,      // news goes to a published or closed petition's signers only
    news_no_recipients,   // no confirmed signer asked to be kept informed
    news_not_found,       // no news of this number on this petition
    news_state_conflict,  // sending what is already sent, pausing what is not sending
    already_won,          // a petition is won once
    news_too_soon,        // a petition's author starts one sending a day
    geography_invalid,    // the compiled-in lists of départements and régions are unreadable
};

constexpr std::string_view error_name(PetitionError error) {
    switch (error) {
        case PetitionError::text_invalid_utf8:
            return "text.invalid_utf8";
        case PetitionError::slug_invalid:
            return "petition.slug_invalid";
        case PetitionError::slug_taken:
            return "petition.slug_taken";
        case PetitionError::not_found:
            return "petition.not_found";
        case PetitionError::title_invalid:
            return "petition.title_invalid";
        case PetitionError::title_too_long:
            return "petition.title_too_long";
        case PetitionError::summary_too_long:
            return "petition.summary_too_long";
        case PetitionError::body_invalid:
            return "petition.body_invalid";
        case PetitionError::body_too_long:
            return "petition.body_too_long";
        case PetitionError::goal_invalid:
            return "petition.goal_invalid";
        case PetitionError::goal_below_count:
            return "petition.goal_below_count";
        case PetitionError::target_too_long:
            return "petition.target_too_long";
        case PetitionError::target_email_invalid:
            return "petition.target_email_invalid";
        case PetitionError::end_date_invalid:
            return "petition.end_date_invalid";
        case PetitionError::end_date_past:
            return "petition.end_date_past";
        case PetitionError::language_invalid:
            return "petition.language_invalid";
        case PetitionError::slug_locked:
            return "petition.slug_locked";
        case PetitionError::state_conflict:
            return "petition.state_conflict";
        case PetitionError::news_kind_invalid:
            return "news.kind_invalid";
        case PetitionError::news_subject_invalid:
            return "news.subject_invalid";
        case PetitionError::news_subject_too_long:
            return "news.subject_too_long";
        case PetitionError::news_body_invalid:
            return "news.body_invalid";
        case PetitionError::news_body_too_long:
            return "news.body_too_long";
        case PetitionError::news_not_public:
            return "news.not_public";
        case PetitionError::news_no_recipients:
            return "news.no_recipients";
        case PetitionError::news_not_found:
            return "news.not_found";
        case PetitionError::news_state_conflict:
            return "news.state_conflict";
        case PetitionError::already_won:
            return "news.already_won";
        case PetitionError::news_too_soon:
            return "news.too_soon";
        case PetitionError::geography_invalid:
            return "petition.geography_invalid";
    }
    return "petition.unknown";
}

}  // namespace rempart
