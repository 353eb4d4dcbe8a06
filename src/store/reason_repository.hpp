// The rejection reasons in the store: the list moderators pick from, and the admins' edits.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "petitions/reason_form.hpp"
#include "store/database.hpp"

namespace rempart::store {

struct RejectionReason {
    std::int64_t id = 0;
    std::string code;  // a reason of the site's own words (locales/), or empty
    std::string label;
    std::string public_text;
    bool hidden = false;
    bool retired = false;
};
// The admins' list, in its order; retired ones only when asked.
std::vector<RejectionReason> rejection_reasons(Database& db, bool with_retired);
std::optional<RejectionReason> find_rejection_reason(Database& db, std::int64_t id);

// An admin's own reason, offered at once; returns its id.
Result<std::int64_t> add_rejection_reason(Database& db, const ReasonForm& reason);
// New words for an admin's own reason: past decisions show the new words too, as the
// reason is one row. ModerationError::reason_unknown, or reason_of_the_site for a seeded
// one, whose words are the site's in every language. Returns the reason before the edit.
Result<RejectionReason> edit_rejection_reason(Database& db, std::int64_t id,
                                              const ReasonForm& reason);
// Retired (`at`) or offered again (nullopt): a retired reason is no longer offered, and
// past decisions keep it. ModerationError::reason_unknown. Returns the reason.
Result<RejectionReason> retire_rejection_reason(Database& db, std::int64_t id,
                                                std::optional<std::int64_t> at);
// How many rejections and take-downs gave each reason.
std::map<std::int64_t, std::int64_t> rejection_reason_uses(Database& db);

}  // namespace rempart::store
