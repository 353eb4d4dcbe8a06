// A petition's news as a mail: to a signer as it leaves the outbox, or to the organiser or
// the author as a test before the sending; and the mail asking the target for their answer.
#pragma once

#include <string>
#include <string_view>

#include "petitions/news.hpp"
#include "petitions/petition.hpp"
#include "store/news_steps.hpp"
#include "store/outbox_repository.hpp"
#include "web/site.hpp"

namespace rempart::web {

// What a test mail's unsubscribe link points to: it names no signer.
inline constexpr std::string_view test_unsubscribe_path = "/u/test";

// The whole RFC 5322 message of `news` for `to`, with `unsubscribe_url` in the text, the
// HTML and the List-Unsubscribe headers. Dated and given its Message-ID now.
std::string compose_news_mail(const Site& site, const store::NewsParts& news, std::string_view to,
                              std::string_view unsubscribe_url, bool test = false);

// The test copy of `news` for `to` (an organiser, or the petition's author), queued under
// "news_test": as a signer will get it, with an unsubscribe link that names nobody.
store::MailToQueue news_test_mail(const Site& site, const Petition& petition, const News& news,
                                  std::string_view to);

// The mail that gives the target their private link to answer, in the petition's language;
// none when the petition has no address for the target (the link is then shown once).
std::optional<store::MailToQueue> answer_request_to_target(const Site& site,
                                                           const Petition& petition,
                                                           std::string_view link);

}  // namespace rempart::web
