// Reads [retention], and turns its periods into the moments before which each rule applies.
#include "signatures/retention.hpp"

#include "core/config.hpp"

namespace rempart {

RetentionSettings read_retention_settings(config::File& file) {
    RetentionSettings settings;
    auto section = file.section("retention");
    // A day at least everywhere: a rule at 0 would erase what is being written.
    constexpr std::int64_t ten_years = 3650;
    section.integer("unconfirmed_days", 1, ten_years, settings.unconfirmed_days);
    section.integer("after_close_days", 1, ten_years, settings.after_close_days);
    section.integer("addresses_days", 1, ten_years, settings.addresses_days);
    section.integer("events_days", 1, ten_years, settings.events_days);
    section.integer("evidence_days", 1, ten_years, settings.evidence_days);
    section.integer("mail_days", 1, ten_years, settings.mail_days);
    section.integer("sessions_days", 1, ten_years, settings.sessions_days);
    section.integer("audit_days", 1, ten_years, settings.audit_days);
    section.integer("newsletter_idle_days", 1, ten_years, settings.newsletter_idle_days);
    section.integer("pass_every_min", 1, 24 * 60, settings.pass_every_min);
    return settings;
}

RetentionCutoffs retention_cutoffs(const RetentionSettings& settings, std::int64_t now) {
    constexpr std::int64_t day = 86400;
    return {now - settings.unconfirmed_days * day, now - settings.after_close_days * day,
            now - settings.addresses_days * day,   now - settings.events_days * day,
            now - settings.evidence_days * day,    now - settings.mail_days * day,
            now - settings.sessions_days * day,    now - settings.audit_days * day,
            now - settings.newsletter_idle_days * day};
}

}  // namespace rempart
