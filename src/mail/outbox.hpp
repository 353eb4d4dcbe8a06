// The outbox worker: sends queued mail through a transport, retrying with backoff.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "mail/transport.hpp"
#include "store/outbox_repository.hpp"
#include "store/store.hpp"

namespace rempart::mail {

struct OutboxOptions {
    std::chrono::seconds first_retry{30};           // doubled at each failure...
    std::chrono::seconds longest_retry{3600};       // ...up to this
    std::chrono::seconds give_up_after{48 * 3600};  // a confirmation this late is useless
    std::chrono::milliseconds idle_poll{1000};      // also picks up mail queued by another process
    std::size_t batch = 256;
    int nice = 10;  // the outbox thread's scheduling priority: it gives way to requests
};

// How long before attempt `attempts + 1`, after `attempts` failures: 30 s, 60 s, 2 min...
std::chrono::seconds retry_delay(const OutboxOptions& options, std::int64_t attempts);

struct OutboxStats {
    std::atomic<std::uint64_t> sent{0};
    std::atomic<std::uint64_t> deferred{0};
    std::atomic<std::uint64_t> failed{0};
};

class Outbox {
  public:
    using Clock = std::function<std::int64_t()>;  // Unix seconds; tests move it
    // Makes the message of a mail queued as its parts (a confirmation, a news), as it leaves.
    using Composer = std::function<std::string(const store::OutboxMail&)>;
    Outbox(store::Store& store, Transport& transport, Composer composer, OutboxOptions options = {},
           Clock clock = {});
    ~Outbox();
    Outbox(const Outbox&) = delete;
    Outbox& operator=(const Outbox&) = delete;

    void start();
    // Mail was queued: look now rather than at the next poll.
    void notify();
    // Finishes the message in hand and stops; queued mail waits in the table for next start.
    void stop();
    // One pass over the due mail, on the caller's thread: for tests and the command line.
    std::size_t send_due();

    const OutboxStats& stats() const { return stats_; }

  private:
    void run();
    // While signatures wait for the writer, mail yields to them: a pause after each pass.
    void yield_to_signing(std::chrono::steady_clock::duration pass);

    store::Store& store_;
    Transport& transport_;
    Composer composer_;
    OutboxOptions options_;
    Clock clock_;
    OutboxStats stats_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool notified_ = false;
    std::thread thread_;
};

}  // namespace rempart::mail
