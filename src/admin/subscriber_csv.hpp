// The newsletter's current subscribers as CSV for the association's mailing tool: each row
// its address, its proof of consent and its own leave link. Pure.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "store/newsletter_repository.hpp"

namespace rempart::admin {

// Fixed column names in English, as mailing tools map them, whatever the viewer's language:
// email, language, subscribed_at, asked_at, asked_on, form_words_version,
// consent_words_version, consent_words, confirmed_from, last_action_at, unsubscribe_url.
// Moments in UTC (ISO 8601); `asked_on` is the petition's address; written as delivery_csv
// writes (BOM, CRLF, every field quoted and defused). `leave_link` gives a subscriber's
// unsubscribe address: the mailing tool puts it in every letter.
std::string subscriber_csv(const std::vector<store::NewsletterSubscriber>& subscribers,
                           std::string_view base_url,
                           const std::function<std::string(std::int64_t)>& leave_link);

}  // namespace rempart::admin
