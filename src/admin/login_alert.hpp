// The mail that tells the admins one account is getting many failed logins.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mail/admin_mail.hpp"
#include "render/i18n.hpp"
#include "web/site.hpp"

namespace rempart::admin {

using LoginAlertMail = mail::AddressedMail;

// One mail for each address of `[mail] admin_alerts_to`, in the site's language; none when
// the list is empty. It names the account, never a password tried.
std::vector<LoginAlertMail> login_alert_mails(const web::Settings& config,
                                              const render::Messages& messages,
                                              const std::string& account, std::int64_t failures,
                                              std::int64_t networks);

}  // namespace rempart::admin
