// The author's private page: found by its link, read with its campaign once published, and
// answered with what the step just taken leaves to say.
#include "web/author_page.hpp"

#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "petitions/author_link.hpp"
#include "petitions/errors.hpp"
#include "store/campaign_repository.hpp"
#include "store/news_repository.hpp"
#include "web/campaign_chart.hpp"
#include "web/signing_request.hpp"

namespace rempart::web {
namespace {

struct CampaignRead {
    store::CampaignFigures figures;
    std::vector<News> news;
    std::int64_t recipients = 0;
};

render::AuthorCampaignView campaign_view(const ProposalServices& services,
                                         render::Language language, CampaignRead read,
                                         std::int64_t now, AuthorPageState& state) {
    const auto& by_state = read.figures.by_state;  // pending, confirmed, quarantined, invalidated
    render::AuthorCampaignView view;
    view.confirmed = by_state[1];
    view.waiting = by_state[0];
    view.set_aside = by_state[2] + by_state[3];
    const auto& days = read.figures.days;
    view.chart_svg = campaign_chart(
        services.signing.site.messages(), language, days,
        days.empty() ? now / seconds_a_day * seconds_a_day : days.front().start,
        now / seconds_a_day * seconds_a_day, seconds_a_day, "chart-days", "admin.campaign_per_day");
    if (services.geography != nullptr)
        view.regions = services.geography->by_region(
            read.figures.by_region,
            services.signing.site.messages().text(language, "admin.campaign_abroad"));
    view.next_sending_at = author_next_sending(read.news, news_by_author, now);
    view.news = std::move(read.news);
    view.recipients = read.recipients;
    view.now = now;
    view.news_form = std::move(state.news_form);
    view.news_errors = std::move(state.news_errors);
    view.previewing = state.previewing;
    view.answer_link = std::move(state.answer_link);
    view.close_unconfirmed = state.close_unconfirmed;
    view.done = std::move(state.done);
    return view;
}

}  // namespace

boost::asio::awaitable<std::optional<store::Submission>> find_by_author_link(
    const SigningServices& services, std::string token) {
    const auto id = author_link_id(token);
    if (!id) co_return std::nullopt;
    std::function<std::optional<store::Submission>(store::Database&)> read =
        [id = *id](store::Database& db) { return store::find_submission(db, id); };
    auto found =
        co_await services.store.readers().read<std::optional<store::Submission>>(std::move(read));
    if (found && !author_link_matches(services.event_secret, token, *id, found->link_nonce))
        found.reset();
    co_return found;
}

http::Response author_link_invalid(const SigningServices& services, const http::Request& request) {
    const auto language = services.site.language_of(request.headers);
    return signing::private_page(
        404, render::render_notice(services.site.view(), language, 404, "author.link_invalid_title",
                                   "author.link_invalid_text"));
}

http::Response author_step_failed(const SigningServices& services, const http::Request& request,
                                  const Error& error) {
    for (const auto conflict :
         {ErrorCode(ModerationError::not_waiting), ErrorCode(PetitionError::state_conflict),
          ErrorCode(PetitionError::news_not_public), ErrorCode(PetitionError::news_state_conflict)})
        if (error.code == conflict)
            return services.site.error_page(409, request.headers, request.target);
    if (error.code == PetitionError::news_not_found)
        return services.site.error_page(404, request.headers, request.target);
    spdlog::error("{} error={}", log_event::store_write_failed, log_text(error.detail));
    auto response = services.site.error_page(503, request.headers, request.target);
    signing::set_retry_after(response, std::chrono::seconds(5));
    return response;
}

boost::asio::awaitable<http::Response> author_page(ProposalServices& services,
                                                   const http::Request& request,
                                                   store::Submission submission, std::string token,
                                                   AuthorPageState state) {
    const auto& s = services.signing;
    const auto language = s.site.language_of(request.headers);
    render::AuthorPageView view;
    view.petition = &submission.petition;
    view.stage = submission.stage();
    view.token = token;
    view.return_note = submission.return_note;
    view.decision_note = submission.decision_note;
    view.form = state.form;
    view.errors = std::move(state.errors);
    view.notice_key = std::move(state.notice_key);
    view.overdue_days = services.settings.moderation.overdue_after_days;
    view.supporters = submission.supporters;
    view.supporters_needed = submission.supporters_needed;
    if (view.stage == SubmissionStage::gathering)
        view.support_link = s.site.config().server.base_url + "/support/" +
                            support_link_token(s.event_secret, submission.petition.id);
    if (view.stage == SubmissionStage::rejected || view.stage == SubmissionStage::removed)
        view.reason = render::rejection_words(s.site.messages(), language, submission.reason_code,
                                              submission.reason_text);
    std::optional<render::AuthorCampaignView> campaign;
    if (view.stage == SubmissionStage::published) {
        const auto id = submission.petition.id;
        const auto now = unix_now();
        std::function<CampaignRead(store::Database&)> read = [id, now](store::Database& db) {
            return CampaignRead{store::campaign_figures(db, id, now), store::list_news(db, id),
                                store::count_news_recipients(db, id)};
        };
        campaign = campaign_view(services, language,
                                 co_await s.store.readers().read<CampaignRead>(std::move(read)),
                                 now, state);
        view.campaign = &*campaign;
    }
    co_return signing::private_page(state.status,
                                    render::render_author_page(s.site.view(), language, view));
}

}  // namespace rempart::web
