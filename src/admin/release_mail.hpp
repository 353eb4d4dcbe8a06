// The admins' mail when a moderator releases a cluster: how many real signers the defence
// had set aside count again, on which petition and in which incident, and who decided.
#pragma once

#include <string_view>
#include <vector>

#include "mail/admin_mail.hpp"
#include "store/cluster_decisions.hpp"
#include "web/site.hpp"

namespace rempart::admin {

// One message for each address of [mail] admin_alerts_to, in the site's language; none
// when nobody is listed or nothing was given back.
std::vector<mail::AddressedMail> release_mails(const web::Site& site,
                                               const store::DecidedCluster& released,
                                               std::string_view by);

}  // namespace rempart::admin
