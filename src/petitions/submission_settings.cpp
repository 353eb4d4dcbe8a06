// Reads [submissions].
#include "petitions/submission_settings.hpp"

#include "core/config.hpp"

namespace rempart {

SubmissionSettings read_submission_settings(config::File& file) {
    SubmissionSettings settings;
    auto section = file.section("submissions");
    section.flag("open", settings.open);
    auto& rules = settings.moderation;
    section.integer("overdue_after_days", 1, 365, rules.overdue_after_days);
    section.integer("nearly_overdue_after_days", 0, 365, rules.nearly_overdue_after_days);
    section.integer("hold_minutes", 1, 24 * 60, rules.hold_minutes);
    section.integer("links_flagged_from", 1, 1000, settings.links_flagged_from);
    section.texts("watched_words", settings.watched_words);
    section.integer("long_queue_from", 1, 1000000, settings.long_queue_from);
    section.integer("digest_hour", -1, 23, settings.digest_hour);
    section.integer("supporters_needed", 0, 100, settings.supporters_needed);
    if (rules.nearly_overdue_after_days > rules.overdue_after_days)
        section.refuse("nearly_overdue_after_days must not be past overdue_after_days");
    return settings;
}

}  // namespace rempart
