// Trusted values in the store: the mail domains and networks organisers vouch for.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "defence/model/trusted_value.hpp"
#include "store/database.hpp"

namespace rempart::store {

struct TrustedRow {
    std::int64_t id = 0;
    defence::TrustedValue value;
    std::string petition_slug;  // empty: the whole site
    std::string note;
    std::int64_t added_ms = 0;
    std::string added_by;
};

// `value.value` must be normalised already (defence::detect::normalise_trusted). Returns the id;
// DefenceError::trust_duplicate when the same value is already trusted for the same scope.
Result<std::int64_t> add_trusted(Database& db, const defence::TrustedValue& value,
                                 const std::string& note, const std::string& by,
                                 std::int64_t now_ms);
// DefenceError::trust_not_found.
Result<TrustedRow> remove_trusted(Database& db, std::int64_t id);
std::vector<TrustedRow> trusted_rows(Database& db);
std::vector<defence::TrustedValue> trusted_values(Database& db);

}  // namespace rempart::store
