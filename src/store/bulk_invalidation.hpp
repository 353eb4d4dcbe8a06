// Invalidating by hand what an incident did not catch: a petition's signatures from one
// IP, network, AS, mail domain or name, within a time range, counted first, then set aside.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace rempart::store {

enum class FilterKind { ip, network, as, email_domain, name, time_range };
std::string_view to_string(FilterKind kind);

struct SignatureFilter {
    std::int64_t petition_id = 0;
    FilterKind kind = FilterKind::time_range;
    // ip: "192.0.2.7"; network: "net:192.0.2.0/24"; as: "64500"; email_domain: in ASCII;
    // name: normalised as signatures::normalise_name does. Unused for time_range.
    std::string value;
    std::int64_t from_s = 0;  // created_at, Unix seconds, both ends included
    std::int64_t to_s = std::numeric_limits<std::int64_t>::max();
};

// Signatures that would be set aside: pending, confirmed or quarantined.
std::int64_t count_matching(Database& db, const SignatureFilter& filter);
// Sets them aside (invalidated: they never count, nothing is deleted) and records each as
// invalidated by hand at `at_ms`, so that releasing a cluster never gives it back; returns
// how many.
Result<std::int64_t> invalidate_matching(Database& db, const SignatureFilter& filter,
                                         std::int64_t at_ms);

}  // namespace rempart::store
