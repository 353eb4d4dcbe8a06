// Writes the refused signing attempts counted in memory as summary rows, every few seconds
// and once more at shutdown, with one log line per petition and verdict.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <chrono>

#include "signatures/mailbox_caps.hpp"
#include "signatures/refusal_tally.hpp"
#include "store/store.hpp"

namespace rempart::app {

// Hands what the tally holds to the writer (always queued: a summary is the server's own
// write, however full the queue is of signatures).
void write_refusal_summaries(store::Store& store, signatures::RefusalTally& tally);

boost::asio::awaitable<void> run_refusal_summaries(store::Store& store,
                                                   signatures::RefusalTally& tally,
                                                   std::chrono::seconds period);

// The confirmation mails queued today, counted again into the caps after a restart.
void restore_mailbox_caps(store::Store& store, signatures::MailboxCaps& caps, std::int64_t now_s);

}  // namespace rempart::app
