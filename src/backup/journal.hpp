// The erasure journal: every withdrawal, erasure and unsubscription a signer made, written
// beside the backups as a keyed hash of the mailbox (never the mailbox itself), so that a
// restore from an older backup makes them again and nobody erased comes back.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backup/keys.hpp"
#include "core/result.hpp"

namespace rempart::backup {

// The file in [backup] dir.
inline constexpr std::string_view journal_name = "erasures.journal";

// `leave_newsletter`: the newsletter alone, through its own link; `unsubscribe` stops it
// with every petition's news.
enum class ErasureStep { withdraw, erase, unsubscribe, leave_newsletter };
std::string_view step_name(ErasureStep step);

struct JournalEntry {
    std::int64_t at = 0;
    ErasureStep step = ErasureStep::erase;
    std::string mailbox_hash;              // hex BLAKE2b of the canonical mailbox, keyed
    std::optional<std::int64_t> signature;  // one signature, or all of the mailbox's
};

// The keyed hash a mailbox is journaled under.
std::string mailbox_hash(const Key& journal_key, std::string_view mailbox);

class ErasureJournal {
  public:
    ErasureJournal(std::filesystem::path dir, const Key& journal_key);
    // Appended and synced before it returns; the folder is made when absent.
    Result<void> record(ErasureStep step, std::string_view mailbox,
                        std::optional<std::int64_t> signature, std::int64_t at);
    const std::filesystem::path& file() const { return file_; }

  private:
    std::filesystem::path file_;
    Key key_;
    std::mutex mutex_;  // one line at a time, whole
};

struct JournalRead {
    std::vector<JournalEntry> entries;  // in the order they were made
    std::size_t unreadable = 0;  // lines that are not an entry (a line cut by a crash)
};
// No file yet: no entry.
Result<JournalRead> read_journal(const std::filesystem::path& dir);

}  // namespace rempart::backup
