// The store's side of [retention]: each rule as batches of at most `limit` rows, each batch
// one short write, so that signing never waits long; every batch may be run again (a rule
// finds only what is still due), so a restart resumes where the rules stand.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "signatures/retention.hpp"
#include "store/database.hpp"

namespace rempart::store {

// Signatures still pending, made before `before`: erased with their links, their events
// and mails unlinked from them. Returns how many.
Result<std::int64_t> erase_unconfirmed(Database& db, std::int64_t before, std::int64_t limit);

// The signatures of petitions closed before `closed_before` and not on legal hold: name,
// address, postcode, comment and IP address replaced, links erased; state and département
// kept, so counts stay true. Returns how many.
Result<std::int64_t> anonymise_closed(Database& db, std::int64_t closed_before, std::int64_t now,
                                      std::int64_t limit);

// Proposals whose petition closed (or was taken down) before `closed_before`, was rejected
// before it, or whose author never confirmed it before `unconfirmed_before`: the author's
// name and address erased, and the supporters' (their count kept). Legal hold stops it
// too. How many proposals.
Result<std::int64_t> anonymise_proposals(Database& db, std::int64_t closed_before,
                                         std::int64_t unconfirmed_before, std::int64_t limit);

// A petition's legal hold: while on, its signatures are not anonymised. None: no such
// petition. Setting it again to what it is changes nothing and is no error.
std::optional<bool> legal_hold_of(Database& db, std::int64_t petition_id);
Result<void> set_legal_hold(Database& db, std::int64_t petition_id, bool hold);

// Where IP addresses are kept with the moment they were recorded.
enum class AddressTable { signatures, signing_events, submission_events, audit_log };

struct KeptAddress {
    std::int64_t id = 0;
    std::string address;  // as recorded; a network already ("192.0.2.0/24") has a "/"
    std::int64_t at = 0;  // Unix seconds
};
// The next rows after `after_id` in the order they were written, at most `limit`: the caller
// stops at the first one recorded after its cutoff.
std::vector<KeptAddress> addresses_after(Database& db, AddressTable table, std::int64_t after_id,
                                         std::int64_t limit);
// Each row's address replaced by the text given (its network).
Result<void> replace_addresses(Database& db, AddressTable table,
                               const std::vector<std::pair<std::int64_t, std::string>>& rows);

// Where the rule for `table` stands (the last row done), kept across restarts.
std::int64_t address_cursor(Database& db, AddressTable table);
Result<void> keep_address_cursor(Database& db, AddressTable table, std::int64_t id);

// The defence's events before `before`, except those of a petition an incident still holds
// (open, or decided after `evidence_before`): deleted, as are the refusals' minutes and the
// proposals' and reports' events. Returns how many rows.
Result<std::int64_t> prune_events(Database& db, std::int64_t before, std::int64_t evidence_before,
                                  std::int64_t limit);

// Mails made before `before`: a sent one loses its address and anything left of its
// message; a failed one is deleted. Queued ones wait their turn. Returns how many.
Result<std::int64_t> clear_old_mail(Database& db, std::int64_t before, std::int64_t limit);

// Back-office sessions that ended before `ended_before` (and the signers' links to their
// data expired by then), and audit entries made before `audit_before`. Returns how many
// sessions and entries.
Result<std::int64_t> prune_sessions_and_audit(Database& db, std::int64_t ended_before,
                                              std::int64_t audit_before, std::int64_t limit);

}  // namespace rempart::store
