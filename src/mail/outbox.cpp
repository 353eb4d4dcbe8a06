// The outbox worker: sends queued mail through a transport, retrying with backoff.
#include "mail/outbox.hpp"

#include <spdlog/spdlog.h>

#include <ctime>

#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "mail/errors.hpp"
#include "store/outbox_repository.hpp"

namespace rempart::mail {

std::chrono::seconds retry_delay(const OutboxOptions& options, std::int64_t attempts) {
    auto delay = options.first_retry;
    for (std::int64_t i = 1; i < attempts && delay < options.longest_retry; ++i) delay *= 2;
    return std::min(delay, options.longest_retry);
}

Outbox::Outbox(store::Store& store, Transport& transport, OutboxOptions options, Clock clock)
    : store_(store), transport_(transport), options_(options), clock_(std::move(clock)) {
    if (!clock_) clock_ = [] { return static_cast<std::int64_t>(std::time(nullptr)); };
}

Outbox::~Outbox() {
    stop();
}

void Outbox::start() {
    thread_ = std::thread([this] { run(); });
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
        while (send_due() == options_.batch) {
            std::lock_guard lock(mutex_);
            if (stopping_) return;
        }
    }
}

std::size_t Outbox::send_due() {
    const auto now = clock_();
    const auto batch = options_.batch;
    auto due = store_.readers().read_now<std::vector<store::OutboxMail>>(
        [now, batch](store::Database& db) { return store::due_mails(db, now, batch); });
    if (due.empty()) return 0;

    struct Outcome {
        std::int64_t id;
        enum class Kind { sent, retry, failed } kind;
        std::int64_t next_attempt_at = 0;
        std::string error;
    };
    std::vector<Outcome> outcomes;
    outcomes.reserve(due.size());
    for (const auto& mail : due) {
        const auto sent = transport_.send({mail.envelope_from, mail.envelope_to}, mail.message);
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
