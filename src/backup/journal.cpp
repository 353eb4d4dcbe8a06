// The erasure journal: one JSON line an erasure, appended with O_APPEND and synced.
#include "backup/journal.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "backup/errors.hpp"

namespace rempart::backup {
namespace {

std::optional<ErasureStep> step_named(std::string_view name) {
    for (const auto step : {ErasureStep::withdraw, ErasureStep::erase, ErasureStep::unsubscribe,
                            ErasureStep::leave_newsletter})
        if (step_name(step) == name) return step;
    return std::nullopt;
}

std::optional<JournalEntry> parse_entry(std::string_view line) {
    boost::system::error_code ec;
    const auto value = boost::json::parse(line, ec);
    if (ec || !value.is_object()) return std::nullopt;
    const auto& object = value.as_object();
    const auto* at = object.if_contains("at");
    const auto* step = object.if_contains("step");
    const auto* mailbox = object.if_contains("mailbox");
    const auto* signature = object.if_contains("signature");
    if (!at || !at->is_int64() || !step || !step->is_string() || !mailbox ||
        !mailbox->is_string() || (signature && !signature->is_int64() && !signature->is_null()))
        return std::nullopt;
    const auto named = step_named(step->as_string());
    if (!named) return std::nullopt;
    JournalEntry entry{at->as_int64(), *named, std::string(mailbox->as_string()), std::nullopt};
    if (signature && signature->is_int64()) entry.signature = signature->as_int64();
    return entry;
}

}  // namespace

std::string_view step_name(ErasureStep step) {
    switch (step) {
        case ErasureStep::withdraw:
            return "withdraw";
        case ErasureStep::erase:
            return "erase";
        case ErasureStep::unsubscribe:
            return "unsubscribe";
        case ErasureStep::leave_newsletter:
            return "leave_newsletter";
    }
    return "erase";
}

std::string mailbox_hash(const Key& journal_key, std::string_view mailbox) {
    unsigned char digest[32];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(mailbox.data()),
                       mailbox.size(), journal_key.data(), journal_key.size());
    char hex[sizeof digest * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

ErasureJournal::ErasureJournal(std::filesystem::path dir, const Key& journal_key)
    : file_(std::move(dir) / journal_name), key_(journal_key) {}

Result<void> ErasureJournal::record(ErasureStep step, std::string_view mailbox,
                                    std::optional<std::int64_t> signature, std::int64_t at) {
    boost::json::object entry{{"at", at},
                              {"step", step_name(step)},
                              {"mailbox", mailbox_hash(key_, mailbox)},
                              {"signature", nullptr}};
    if (signature) entry["signature"] = *signature;
    const auto line = boost::json::serialize(entry) + "\n";
    const std::lock_guard lock(mutex_);
    std::error_code ec;
    std::filesystem::create_directories(file_.parent_path(), ec);
    const int fd = ::open(file_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    const auto failed = [&] {
        return make_error(BackupError::io,
                          "cannot write " + file_.string() + ": " + std::strerror(errno));
    };
    if (fd < 0) return failed();
    // One write of the whole line: O_APPEND keeps it in one piece against other writers.
    const bool written = ::write(fd, line.data(), line.size()) ==
                             static_cast<ssize_t>(line.size()) &&
                         ::fdatasync(fd) == 0;
    const auto error = written ? Result<void>{} : Result<void>{failed()};
    ::close(fd);
    return error;
}

Result<JournalRead> read_journal(const std::filesystem::path& dir) {
    const auto file = dir / journal_name;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return JournalRead{};
    std::ifstream in(file);
    if (!in)
        return make_error(BackupError::io,
                          "cannot read " + file.string() + ": " + std::strerror(errno));
    JournalRead read;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        if (auto entry = parse_entry(line))
            read.entries.push_back(std::move(*entry));
        else
            ++read.unreadable;
    }
    return read;
}

}  // namespace rempart::backup
