// A signer's own data without an account (/my-data): the link mailed to their mailbox, and
// what it lets them read and do with every signature of that mailbox on this site.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "signatures/signer_record.hpp"
#include "store/database.hpp"

namespace rempart::store {

// Whether any signature (anonymised ones excepted) was made with this mailbox, or it has a
// newsletter subscription.
bool mailbox_has_signed(Database& db, std::string_view mailbox);

// A new link (`token_hash`, its SHA-256) to the mailbox's data, serving `uses` times
// until `expires_at`.
Result<void> insert_data_link(Database& db, std::string_view token_hash, std::string_view mailbox,
                              std::int64_t now, std::int64_t expires_at, std::int64_t uses);
// The mailbox a live link opens, one of its uses taken; none when it is unknown, expired or
// used up.
Result<std::optional<std::string>> use_data_link(Database& db, std::string_view token_hash,
                                                 std::int64_t now);

// Every signature of the mailbox, newest first.
std::vector<signatures::SignerRecord> signatures_of_mailbox(Database& db, std::string_view mailbox);

// Withdraws the mailbox's signatures that still count or wait (all, or the one named):
// how many changed. A signature of another mailbox is never touched.
Result<std::int64_t> withdraw_mailbox(Database& db, std::string_view mailbox,
                                      std::optional<std::int64_t> signature, std::int64_t now);
// Erases them (all, or the one named): withdrawn where the petition still collects, then
// name, address, postcode, comment and IP address replaced, links and news stopped. A
// signature counted on a closed petition stays counted, anonymised. All of them ends the
// newsletter's subscription asked by `now` too. How many rows changed.
Result<std::int64_t> erase_mailbox(Database& db, std::string_view mailbox,
                                   std::optional<std::int64_t> signature, std::int64_t now);
// No more news of any petition nor the newsletter (a subscription asked by `now`): how many
// signatures and subscriptions changed.
Result<std::int64_t> unsubscribe_mailbox(Database& db, std::string_view mailbox, std::int64_t now);

}  // namespace rempart::store
