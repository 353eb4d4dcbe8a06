// Signatures in the store: record one (or find its duplicate), confirm, withdraw, count.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "signatures/signature.hpp"
#include "store/database.hpp"

namespace rempart::store {

struct SigningRecord {
    enum class Kind {
        created,          // a new pending signature: send its confirmation mail
        duplicate_mail,   // this mailbox already signed; its mail may go again
        duplicate_quiet,  // already signed and mailed within the hour: nothing to send
    };
    Kind kind = Kind::created;
    std::int64_t signature_id = 0;
};

// Records a signature, or finds the active one of the same mailbox on this petition. A new
// link (`token_hash`, valid until `token_expires_at`) is stored when a mail is to go, which
// happens for a new signature and for a duplicate last mailed `resend_after` seconds ago
// or more. Run on the writer.
Result<SigningRecord> record_signature(Database& db, const signatures::NewSignature& signature,
                                       std::string_view token_hash, std::int64_t token_expires_at,
                                       std::int64_t resend_after_s);

// What a confirmation link leads to.
struct LinkedSignature {
    std::int64_t signature_id = 0;
    std::int64_t petition_id = 0;
    signatures::SignatureState state = signatures::SignatureState::pending;
    std::int64_t created_at = 0;
    std::string email_domain;
    std::string name_normalised;
    // Whether this call confirmed or withdrew it: a second click changes nothing, and
    // leaves no event.
    bool changed = false;
};

// The signature behind a link that exists and has not expired; nothing otherwise.
std::optional<LinkedSignature> find_by_token(Database& db, std::string_view token_hash,
                                             std::int64_t now);

// Confirms a pending signature (a confirmed one stays confirmed; a quarantined one stays
// quarantined and keeps the time, for a moderator's release). Its links then stop
// expiring: they are also how the signer withdraws later. With `quarantine` (the
// confirmation came from where an incident holds), a pending signature is confirmed into
// quarantine instead. SignatureError::link_invalid for an unknown or expired link,
// SignatureError::withdrawn for a withdrawn signature.
Result<LinkedSignature> confirm_signature(Database& db, std::string_view token_hash,
                                          std::int64_t now, bool quarantine = false);

// Withdraws the signature at once, whatever its state but invalidated.
Result<LinkedSignature> withdraw_signature(Database& db, std::string_view token_hash,
                                           std::int64_t now);

// Signatures of a petition in one state, from the counts the triggers keep.
std::int64_t count_signatures(Database& db, std::int64_t petition_id,
                              signatures::SignatureState state);

// Signatures of every petition in each state, indexed by SignatureState: for /metrics.
std::array<std::int64_t, 5> count_signatures_by_state(Database& db);

}  // namespace rempart::store
