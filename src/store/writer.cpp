// The one writer thread: owns the only write connection and commits writes in groups.
#include "store/writer.hpp"

#include <spdlog/spdlog.h>

#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "core/thread_name.hpp"
#include "store/errors.hpp"

namespace rempart::store {
namespace asio = boost::asio;

Writer::Writer(std::unique_ptr<Database> db, std::chrono::milliseconds group_window,
               std::size_t max_group, std::size_t max_queue)
    : db_(std::move(db)),
      group_window_(group_window),
      max_group_(max_group),
      max_queue_(max_queue) {
    thread_ = std::thread([this] {
        name_this_thread("rempart-writer");
        run();
    });
}

Writer::~Writer() {
    stop();
}

void Writer::submit(Job job, Done done, Admission admission) {
    bool busy = false;
    {
        std::lock_guard lock(mutex_);
        busy = admission == Admission::when_room && queue_.size() >= max_queue_;
        if (!stopping_ && !busy) {
            queue_.push_back(Pending{std::move(job), std::move(done)});
            wake_.notify_one();
            return;
        }
    }
    if (busy) {
        refused_busy_.fetch_add(1);
        done(make_error(StoreError::busy, "too many writes are waiting; try again in a moment"));
        return;
    }
    done(make_error(StoreError::stopping, "the store is closing and takes no more writes"));
}

std::size_t Writer::queued() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
}

void Writer::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        wake_.notify_all();
    }
    if (thread_.joinable()) thread_.join();
}

void Writer::run() {
    std::vector<Pending> group;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            const bool was_idle = queue_.empty();
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, and everything queued is done
            // After a quiet spell, gather what else arrives within the window: one fsync for
            // all of them. Under load the jobs that came during the last commit are the
            // group already, and waiting longer would only add to every answer's time.
            if (was_idle && group_window_.count() > 0 && !stopping_ && queue_.size() < max_group_)
                wake_.wait_for(lock, group_window_,
                               [this] { return stopping_ || queue_.size() >= max_group_; });
            while (!queue_.empty() && group.size() < max_group_) {
                group.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
        }
        commit_group(group);
        group.clear();
    }
}

void Writer::commit_group(std::vector<Pending>& group) {
    std::vector<Result<void>> outcomes;
    outcomes.reserve(group.size());
    // Prepared once and kept, as every other statement is: through sqlite3_exec they were
    // parsed again for every job.
    auto begun = db_->prepare("BEGIN IMMEDIATE").run();
    if (begun) {
        for (auto& pending : group) {
            (void)db_->prepare("SAVEPOINT job").run();
            Result<void> outcome;
            try {
                outcome = pending.job(*db_);
            } catch (const std::exception& e) {
                outcome = make_error(StoreError::job_failed, e.what());
            }
            if (!outcome) (void)db_->prepare("ROLLBACK TO job").run();
            (void)db_->prepare("RELEASE job").run();
            outcomes.push_back(std::move(outcome));
        }
    }
    auto committed = begun ? db_->prepare("COMMIT").run() : begun;
    if (!committed) {
        (void)db_->prepare("ROLLBACK").run();
        spdlog::error("{} error={} jobs={}", log_event::store_write_failed,
                      log_text(committed.error().detail), group.size());
    } else {
        groups_committed_.fetch_add(1);
        jobs_committed_.fetch_add(group.size());
    }
    for (std::size_t i = 0; i < group.size(); ++i) {
        Result<void> status = committed ? std::move(outcomes[i]) : committed;
        group[i].done(std::move(status));
    }
}

}  // namespace rempart::store
