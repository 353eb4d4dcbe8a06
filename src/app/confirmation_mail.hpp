// A signature's confirmation mail, composed as it leaves the outbox from the parts its
// signature queued: the link's token, the signer's name and language, the petition's title.
#pragma once

#include <string>

#include "store/outbox_repository.hpp"
#include "web/site.hpp"

namespace rempart::app {

// The whole RFC 5322 message for `mail`, whose `confirmation` is set. Dated and given its
// Message-ID now, as it leaves.
std::string compose_confirmation(const web::Site& site, const store::OutboxMail& mail);

}  // namespace rempart::app
