// The signatures handed to a petition's target: confirmed ones only, in the order they
// were confirmed, with what the privacy page says the target receives.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace rempart::store {

// Never the e-mail nor the IP address: the privacy page promises the target gets neither.
struct DeliveryRow {
    std::string name;  // as the signer wrote it to be handed over
    std::optional<std::string> postcode;
    std::optional<std::string> region;  // the département's code, from the postcode
    std::string comment;
    std::int64_t confirmed_at = 0;  // Unix seconds
};

// Confirmed signatures of the petition; pending, quarantined, invalidated and withdrawn ones
// are left out.
std::vector<DeliveryRow> delivery_rows(Database& db, std::int64_t petition_id);

}  // namespace rempart::store
