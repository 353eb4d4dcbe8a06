// The outbox worker: sends queued mail through a transport, retrying with backoff.
#include "mail/outbox.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <ctime>

#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "core/thread_name.hpp"
#include "core/thread_priority.hpp"
#include "mail/errors.hpp"
#include "store/outbox_repository.hpp"

namespace rempart::mail {

std::chrono::seconds retry_delay(const OutboxOptions& options, std::int64_t attempts) {
    auto delay = options.first_retry;
    for (std::int64_t i = 1; i < attempts && delay < options.longest_retry; ++i) delay *= 2;
    return std::min(delay, options.longest_retry);
}

Outbox::Outbox(store::Store& store, Transport& transport, Composer composer, OutboxOptions options,
               Clock clock)
    : store_(store),
      transport_(transport),
      composer_(std::move(composer)),
      options_(options),
      clock_(std::move(clock)) {
    if (!clock_) clock_ = [] { return static_cast<std::int64_t>(std::time(nullptr)); };
}

Outbox::~Outbox() {
    stop();
}

void Outbox::start() {
    thread_ = std::thread([this] {
        name_this_thread("rempart-outbox");
        // Mail is never urgent to the second: under load the requests get the cores and
        // the mail catches up after, a news to a hundred thousand signers included.
        if (options_.nice > 0) (void)lower_this_thread_priority(options_.nice);
        run();
    });
}

void Outbox::notify() {
    {
        std::lock_guard lock(mutex_);
        notified_ = true;
    }
    wake_.notify_one();
}

void Outbox::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
}

void Outbox::run() {
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait_for(lock, options_.idle_poll, [this] { return stopping_ || notified_; });
            if (stopping_) return;
            notified_ = false;
        }
        // A full batch means more may be due: go round again without waiting.
        for (;;) {
            const auto started = std::chrono::steady_clock::now();
            const auto sent = send_due();
            if (sent > 0) yield_to_signing(std::chrono::steady_clock::now() - started);
            std::lock_guard lock(mutex_);
            if (stopping_) return;
            if (sent < options_.batch) break;
        }
    }
}

void Outbox::yield_to_signing(std::chrono::steady_clock::duration pass) {
    using namespace std::chrono;
    if (store_.writer().queued() == 0) return;
    // Three times the pass just made: under a flood mail takes a quarter of a core at most,
    // lags behind and catches up after, and the signers it would slow down are answered.
    const auto pause =
        std::clamp(duration_cast<milliseconds>(pass * 3), milliseconds(20), milliseconds(1000));
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, pause, [this] { return stopping_; });
}

std::size_t Outbox::send_due() {
    const auto now = clock_();
    const auto batch = options_.batch;
    auto due = store_.readers().read_now<std::vector<store::OutboxMail>>(
        [now, batch](store::Database& db) { return store::due_mails(db, now, batch); });
    if (due.empty()) return 0;

    std::vector<std::string> composed(due.size());
    std::vector<Outgoing> outgoing;
    outgoing.reserve(due.size());
    for (std::size_t i = 0; i < due.size(); ++i) {
        const auto& mail = due[i];
        const bool from_parts = mail.confirmation || mail.news || mail.newsletter;
        if (from_parts) composed[i] = composer_(mail);
        // Named for good by its row, so a mail sent again after a crash is delivered once.
        outgoing.push_back({{mail.envelope_from, mail.envelope_to},
                            from_parts ? std::string_view(composed[i]) : mail.message,
                            std::to_string(mail.created_at) + ".R" + std::to_string(mail.id)});
    }
    auto results = transport_.send_batch(outgoing);

    struct Outcome {
        std::int64_t id;
        enum class Kind { sent, retry, failed } kind;
        std::int64_t next_attempt_at = 0;
        std::string error;
    };
    std::vector<Outcome> outcomes;
    outcomes.reserve(due.size());
    for (std::size_t i = 0; i < due.size(); ++i) {
        const auto& mail = due[i];
        const auto& sent = results[i];
        const auto attempts = mail.attempts + 1;
        if (sent) {
            ++stats_.sent;
            spdlog::info("{} id={} attempts={}", log_event::mail_sent, mail.id, attempts);
            outcomes.push_back({mail.id, Outcome::Kind::sent});
            continue;
        }
        const auto& error = sent.error();
        auto reason = std::string(error.code.name()) + ": " + error.detail;
        const bool too_old = now - mail.created_at >= options_.give_up_after.count();
        if (error.code == MailError::permanent || too_old) {
            ++stats_.failed;
            spdlog::warn("{} id={} attempts={} error={}", log_event::mail_failed, mail.id, attempts,
                         log_text(reason));
            outcomes.push_back({mail.id, Outcome::Kind::failed, 0, std::move(reason)});
        } else {
            ++stats_.deferred;
            const auto delay = retry_delay(options_, attempts).count();
            spdlog::warn("{} id={} attempts={} next_in_s={} error={}", log_event::mail_deferred,
                         mail.id, attempts, delay, log_text(reason));
            outcomes.push_back({mail.id, Outcome::Kind::retry, now + delay, std::move(reason)});
        }
    }
    // One write for the batch. Should it fail, the mails stay queued and go again: a rare
    // duplicate mail is better than a lost one.
    std::function<Result<bool>(store::Database&)> job = [outcomes = std::move(outcomes),
                                                         now](store::Database& db) -> Result<bool> {
        for (const auto& outcome : outcomes) {
            Result<void> marked;
            switch (outcome.kind) {
                case Outcome::Kind::sent:
                    marked = store::mark_mail_sent(db, outcome.id, now);
                    break;
                case Outcome::Kind::retry:
                    marked = store::mark_mail_retry(db, outcome.id, outcome.next_attempt_at,
                                                    outcome.error);
                    break;
                case Outcome::Kind::failed:
                    marked = store::mark_mail_failed(db, outcome.id, outcome.error);
                    break;
            }
            if (!marked) return marked.error();
        }
        return true;
    };
    if (auto written = store_.writer().write_now<bool>(std::move(job)); !written)
        spdlog::error("{} error={}", log_event::store_write_failed,
                      log_text(written.error().detail));
    return due.size();
}

}  // namespace rempart::mail
