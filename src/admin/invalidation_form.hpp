// The form to invalidate signatures by hand, read and checked: which petition, which
// source (IP, network, AS, mail domain, name) and which time range. Pure.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "petitions/catalog.hpp"
#include "store/bulk_invalidation.hpp"

namespace rempart::admin {

struct InvalidationInput {
    std::string petition;  // slug
    std::string kind;      // ip, network, as, email_domain, name, time_range
    std::string value;
    std::string from;  // "2026-11-25T09:30" (UTC, as an <input type="datetime-local"> sends)
    std::string to;
    bool confirmed = false;  // the moderator saw the count and confirmed
};
InvalidationInput read_invalidation(const std::vector<std::pair<std::string, std::string>>& form);

struct InvalidationCheck {
    store::SignatureFilter filter;
    std::vector<std::pair<std::string, std::string>> errors;  // field, message key
};
// Each error names its field; the filter is usable only when there are none.
InvalidationCheck check_invalidation(const InvalidationInput& input,
                                     const CatalogSnapshot& petitions);

// "2026-11-25T09:30" (seconds allowed) in UTC, to Unix seconds; -1 when unreadable.
std::int64_t parse_utc_minute(std::string_view text);

}  // namespace rempart::admin
