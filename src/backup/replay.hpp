// The erasure journal applied to a restored store: each erasure made after the backup was
// taken is made again, to the signatures that existed when the signer asked.
#pragma once

#include <cstdint>

#include "backup/journal.hpp"
#include "store/database.hpp"

namespace rempart::backup {

struct Replayed {
    std::int64_t entries = 0;     // journal entries at or after the backup
    std::int64_t signatures = 0;  // signatures and subscriptions they changed again
};

// Entries from `since` (the backup's moment, less a minute of clock slack) are applied.
Result<Replayed> replay_erasures(store::Database& db, const JournalRead& journal,
                                 const Key& journal_key, std::int64_t since);

}  // namespace rempart::backup
