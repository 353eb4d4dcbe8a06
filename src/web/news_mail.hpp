// A petition's news as a mail: to a signer as it leaves the outbox, or to the organiser as
// a test before the sending.
#pragma once

#include <string>
#include <string_view>

#include "store/outbox_repository.hpp"
#include "web/site.hpp"

namespace rempart::web {

// What a test mail's unsubscribe link points to: it names no signer.
inline constexpr std::string_view test_unsubscribe_path = "/u/test";

// The whole RFC 5322 message of `news` for `to`, with `unsubscribe_url` in the text, the
// HTML and the List-Unsubscribe headers. Dated and given its Message-ID now.
std::string compose_news_mail(const Site& site, const store::NewsParts& news, std::string_view to,
                              std::string_view unsubscribe_url, bool test = false);

}  // namespace rempart::web
