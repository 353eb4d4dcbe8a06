// The supporters a proposal gathers before the queue, when the site asks for some: each
// supports once a mailbox and confirms by mail; the last one needed puts the proposal in
// the queue.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace rempart::store {

struct NewSupporter {
    std::int64_t petition_id = 0;
    std::string name;
    std::string mailbox;     // canonical form
    std::string token_hash;  // SHA-256 of the confirmation link's token
};

// False when this mailbox already supports the proposal: one row, and the caller answers as
// if it were new. PetitionError::not_found when the proposal gathers no supporters (any
// more): unknown, not confirmed by its author, or in the queue or decided already.
Result<bool> add_supporter(Database& db, const NewSupporter& supporter, std::int64_t now);

struct ConfirmedSupport {
    std::int64_t petition_id = 0;
    std::int64_t supporters = 0;  // confirmed, this one included
    std::int64_t needed = 0;
    bool entered_queue = false;  // this confirmation was the last one needed
};
// Confirms the support of this link (a second time changes nothing); the last one needed
// puts the proposal in the queue and erases every supporter's name and address. PetitionError::not_found for a link that names no support.
Result<ConfirmedSupport> confirm_support(Database& db, std::string_view token_hash,
                                         std::int64_t now);

}  // namespace rempart::store
