// The moderators' daily digest, written with the day it went out in one job.
#include "app/moderation_digest.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <ctime>

#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "petitions/moderation.hpp"
#include "render/proposal_mails.hpp"
#include "store/outbox_repository.hpp"
#include "store/report_repository.hpp"
#include "store/settings_repository.hpp"
#include "store/submission_repository.hpp"
#include "store/user_repository.hpp"
#include "web/site_mail.hpp"

namespace rempart::app {
namespace {

namespace asio = boost::asio;

constexpr auto look_every = std::chrono::minutes(5);

// Sends the digest when due and something waits; the day is written either way, so that a
// quiet morning is not looked at again until the next day. Returns the mails queued.
Result<std::size_t> send_if_due(store::Database& db, const web::Settings& config,
                                const render::Messages& messages,
                                const SubmissionSettings& settings, std::int64_t now) {
    const auto last = store::read_setting(db, store::digest_day_setting);
    if (!digest_due(now, last ? last->value : std::string(), settings.digest_hour)) return 0;
    render::ModerationDigest digest;
    digest.waiting = store::count_waiting(db);
    digest.overdue_days = settings.moderation.overdue_after_days;
    digest.overdue = store::count_overdue(db, now, digest.overdue_days * 86400);
    digest.reported = store::count_reported(db);
    digest.link = config.server.base_url + "/admin/moderation";
    std::size_t queued = 0;
    if (digest.waiting > 0 || digest.reported > 0) {
        const auto language =
            render::parse_language(config.site.default_language).value_or(render::Language::fr);
        const auto texts = render::moderation_digest_mail(messages, language, config.site, digest);
        for (const auto& to : store::moderator_addresses(db)) {
            const auto message =
                web::compose_site_mail(config.mail, config.site, to, language, texts);
            if (auto sent = store::enqueue_mail(db, "digest", config.mail.from, to, message, now);
                !sent)
                return sent.error();
            ++queued;
        }
    }
    if (auto kept =
            store::write_setting(db, store::digest_day_setting, utc_day(now), "digest", now * 1000);
        !kept)
        return kept.error();
    return queued;
}

}  // namespace

asio::awaitable<void> run_moderation_digest(store::Store& store, const web::Site& site,
                                            const SubmissionSettings& settings,
                                            std::function<void()> mail_queued) {
    if (settings.digest_hour < 0) co_return;
    auto executor = co_await asio::this_coro::executor;
    asio::steady_timer timer(executor);
    for (;;) {
        const auto now = static_cast<std::int64_t>(std::time(nullptr));
        std::function<Result<std::size_t>(store::Database&)> job =
            [config = site.config(), &messages = site.messages(), &settings,
             now](store::Database& db) { return send_if_due(db, config, messages, settings, now); };
        const auto queued = co_await store.writer().write<std::size_t>(std::move(job));
        if (!queued)
            spdlog::error("{} error={}", log_event::store_write_failed,
                          log_text(queued.error().detail));
        else if (*queued > 0)
            mail_queued();
        timer.expires_after(look_every);
        auto [ec] = co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
        if (ec) co_return;
    }
}

}  // namespace rempart::app
