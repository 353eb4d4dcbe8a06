// Replays a plan against a running server. Every wait is bounded by the plan's end (plus
// the linger) or the stop flag, so a replay always ends.
#include "replay.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <queue>
#include <thread>
#include <unordered_map>

#include "core/clock.hpp"
#include "keep_alive_client.hpp"
#include "mailbox_reader.hpp"
#include "signing_attempt.hpp"

namespace rempart::attack {
namespace {

using Clock = std::chrono::steady_clock;

bool refused(unsigned status) {
    return status != 200 && status != 303;
}

struct DueConfirmation {
    Clock::time_point due;
    std::size_t attempt;
    std::string token;
    bool operator>(const DueConfirmation& other) const { return due > other.due; }
};

class Replay {
  public:
    Replay(const Plan& plan, const ReplayOptions& options)
        : plan_(plan),
          options_(options),
          start_(Clock::now()),
          end_(start_ + std::chrono::milliseconds(static_cast<std::int64_t>(
                            (plan.duration_s + options.linger_s) * 1000))) {
        report_.scenario = plan.scenario;
        report_.seed = plan.seed;
        report_.petition = options.petition;
        report_.started_ms = unix_now_ms();
        report_.timeline.resize(static_cast<std::size_t>(plan.duration_s + options.linger_s) + 2);
        for (std::size_t i = 0; i < plan.attempts.size(); ++i)
            by_address_.emplace(lowercase(plan.attempts[i].email), i);
    }

    Report run() {
        std::vector<std::thread> threads;
        for (unsigned i = 0; i < std::max(1u, options_.workers); ++i)
            threads.emplace_back([this] { work(); });
        if (!options_.maildir.empty()) {
            threads.emplace_back([this] { read_mail(); });
            for (unsigned i = 0; i < std::max(1u, options_.confirmers); ++i)
                threads.emplace_back([this] { confirm(); });
        }
        dispatch();
        {
            std::lock_guard lock(mutex_);
            dispatched_all_ = true;
        }
        work_ready_.notify_all();
        // The workers finish what they took; mail and confirmations go on to the end.
        for (unsigned i = 0; i < std::max(1u, options_.workers); ++i) threads[i].join();
        wait_until(end_);
        {
            std::lock_guard lock(mutex_);
            finished_ = true;
            while (!due_.empty()) {
                side(due_.top().attempt).confirmations_left++;
                due_.pop();
            }
        }
        confirm_ready_.notify_all();
        for (std::size_t i = std::max(1u, options_.workers); i < threads.size(); ++i)
            threads[i].join();
        report_.finished_ms = unix_now_ms();
        return std::move(report_);
    }

  private:
    static std::string lowercase(std::string text) {
        for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return text;
    }
    bool stopped() const { return options_.stop && options_.stop->load(); }
    SideCounts& side(std::size_t attempt) {
        return plan_.attempts[attempt].is_fake ? report_.fake : report_.legit;
    }
    Second& second_now() {
        const auto at = std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - start_);
        const auto index = std::min<std::size_t>(static_cast<std::size_t>(at.count()),
                                                 report_.timeline.size() - 1);
        return report_.timeline[index];
    }
    // Sleeps in short steps so that the stop flag is seen.
    void wait_until(Clock::time_point when) {
        while (!stopped() && Clock::now() < when)
            std::this_thread::sleep_for(
                std::min<Clock::duration>(when - Clock::now(), std::chrono::milliseconds(100)));
    }

    void dispatch() {
        for (std::size_t i = 0; i < plan_.attempts.size() && !stopped(); ++i) {
            const auto due = start_ + std::chrono::microseconds(static_cast<std::int64_t>(
                                          plan_.attempts[i].offset_s * 1e6));
            wait_until(due);
            if (stopped()) break;
            {
                std::lock_guard lock(mutex_);
                queue_.push_back(i);
            }
            work_ready_.notify_one();
        }
    }

    void work() {
        KeepAliveClient client(options_.port);
        for (;;) {
            std::size_t index = 0;
            {
                std::unique_lock lock(mutex_);
                work_ready_.wait(lock, [&] { return !queue_.empty() || dispatched_all_; });
                if (queue_.empty()) return;
                index = queue_.front();
                queue_.pop_front();
            }
            const auto& attempt = plan_.attempts[index];
            const auto due = start_ + std::chrono::microseconds(
                                          static_cast<std::int64_t>(attempt.offset_s * 1e6));
            const double lag = std::chrono::duration<double>(Clock::now() - due).count();
            const auto sent_ms = unix_now_ms();
            const auto outcome = send_attempt(client, options_.petition, attempt);
            std::lock_guard lock(mutex_);
            auto& counts = side(index);
            counts.attempts++;
            counts.requests += outcome.requests;
            counts.refused += refused(outcome.challenge_status) +
                              (outcome.sign_status ? refused(outcome.sign_status) : 0);
            counts.challenge_status[outcome.challenge_status]++;
            if (outcome.sign_status)
                counts.sign_status[outcome.sign_status]++;
            else
                counts.unsolved++;
            counts.hashes += outcome.hashes;
            counts.max_difficulty = std::max(counts.max_difficulty, outcome.difficulty);
            const bool accepted = outcome.sign_status == 303;
            counts.accepted += accepted;
            auto& second = second_now();
            if (attempt.is_fake) {
                second.fake_sent++;
                second.fake_accepted += accepted;
                if (!report_.first_fake_ms || sent_ms < report_.first_fake_ms)
                    report_.first_fake_ms = sent_ms;
                report_.last_fake_ms = std::max(report_.last_fake_ms, sent_ms);
            } else {
                second.legit_sent++;
                second.legit_accepted += accepted;
            }
            report_.max_lag_s = std::max(report_.max_lag_s, lag);
            report_.late_attempts += lag > 1.0;
        }
    }

    void read_mail() {
        MailboxReader reader(options_.maildir);
        while (!stopped()) {
            {
                std::lock_guard lock(mutex_);
                if (finished_) return;
            }
            for (auto& mail : reader.new_mails()) {
                const auto it = by_address_.find(mail.to);
                if (it == by_address_.end() || mail.token.empty()) continue;
                const auto& attempt = plan_.attempts[it->second];
                std::lock_guard lock(mutex_);
                side(it->second).mails++;
                if (!attempt.confirmation) continue;
                const auto delay = std::chrono::milliseconds(
                    static_cast<std::int64_t>(attempt.confirmation->delay_s * 1000));
                due_.push({Clock::now() + delay, it->second, std::move(mail.token)});
                confirm_ready_.notify_one();
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    }

    void confirm() {
        KeepAliveClient client(options_.port);
        for (;;) {
            DueConfirmation next;
            {
                std::unique_lock lock(mutex_);
                for (;;) {
                    if (finished_ || stopped()) return;
                    if (!due_.empty() && due_.top().due <= Clock::now()) break;
                    const auto wake = due_.empty()
                                          ? Clock::now() + std::chrono::milliseconds(200)
                                          : std::min(due_.top().due,
                                                     Clock::now() + std::chrono::milliseconds(200));
                    confirm_ready_.wait_until(lock, wake);
                }
                next = due_.top();
                due_.pop();
            }
            const auto& attempt = plan_.attempts[next.attempt];
            const auto status =
                send_confirmation(client, next.token, attempt.confirmation->ip, attempt.user_agent);
            std::lock_guard lock(mutex_);
            auto& counts = side(next.attempt);
            counts.requests++;
            counts.refused += refused(status);
            counts.confirmations_sent++;
            counts.confirmations_accepted += status == 303;
            counts.confirm_status[status]++;
            second_now().confirmations++;
        }
    }

    const Plan& plan_;
    const ReplayOptions& options_;
    const Clock::time_point start_;
    const Clock::time_point end_;
    std::unordered_map<std::string, std::size_t> by_address_;

    std::mutex mutex_;
    std::condition_variable work_ready_, confirm_ready_;
    std::deque<std::size_t> queue_;
    bool dispatched_all_ = false;
    bool finished_ = false;
    std::priority_queue<DueConfirmation, std::vector<DueConfirmation>, std::greater<>> due_;
    Report report_;
};

}  // namespace

Report replay(const Plan& plan, const ReplayOptions& options) {
    Replay run(plan, options);
    return run.run();
}

}  // namespace rempart::attack
