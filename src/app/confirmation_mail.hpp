// The confirmation mails, composed as they leave the outbox from the parts queued: a
// signature's (the link's token, the signer's name and language, the petition's title), and
// a newsletter subscription's (its number, whose links the server derives, and language).
#pragma once

#include <string>

#include "store/outbox_repository.hpp"
#include "web/site.hpp"

namespace rempart::app {

// The whole RFC 5322 message for `mail`, whose `confirmation` is set. Dated and given its
// Message-ID now, as it leaves.
std::string compose_confirmation(const web::Site& site, const store::OutboxMail& mail);

// The same for `mail`, whose `newsletter` is set; `secret` signs its links. It offers the
// leave link too, and its List-Unsubscribe header ends the request in one click.
std::string compose_newsletter_confirmation(const web::Site& site, std::string_view secret,
                                            const store::OutboxMail& mail);

}  // namespace rempart::app
