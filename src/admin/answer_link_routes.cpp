// The target's own answer, asked from the back office: POST /admin/petitions/{id}/answer-link
// makes a private link that serves once (web/answer_routes), mails it to the target or shows
// it once for the organiser to pass on, and audits it.
#include "accounts/tokens.hpp"
#include "admin/admin_routes.hpp"
#include "admin/news_page.hpp"
#include "petitions/errors.hpp"
#include "store/news_steps.hpp"
#include "web/news_mail.hpp"

namespace rempart::admin {
namespace {

Awaitable answer_link(AdminServices& s, const Params& params, const AdminContext& context) {
    const auto id = id_of(params[0]);
    const auto view = co_await read_news_view(s, id);
    if (!view) co_return news_missing(s, context);
    const auto& petition = view->petition;
    const auto token = accounts::new_session_token();
    const auto link = s.site.config().server.base_url + "/answer/" + token;
    const auto mail = web::answer_request_to_target(s.site, petition, link);
    auto entry =
        audit_entry(context, "answer_link",
                    "petition " + petition.slug + (mail ? ", mailed to the target" : ", shown"));
    std::function<Result<void>(store::Database&)> job =
        [id, key = accounts::session_token_hash(token), mail, entry, now = unix_now_ms() / 1000](
            store::Database& db) { return store::renew_answer_key(db, id, key, mail, now, entry); };
    const auto made = co_await s.store.writer().write<void>(std::move(job));
    if (!made) {
        if (made.error().code == PetitionError::news_not_public)
            co_return admin_notice(s, context.language, 409, "admin.news_conflict_title",
                                   "news.not_public");
        co_return news_store_busy(s, context, made.error());
    }
    if (mail) s.mail_queued();
    auto data = news_page_data(s, context, *view, {}, {});
    if (!mail)
        data.set("answer_link", link);  // shown once: the store keeps its hash only
    else
        data.set("answer_mailed", render::fill(say(s, context, "admin.answer_mailed"),
                                               {{"email", petition.target_email}}));
    co_return news_page(s, context, 200, std::move(data));
}

}  // namespace

void add_answer_link_routes(http::Router& router, AdminServices& services) {
    add_admin_route(router, services, http::Method::post, "/admin/petitions/{id}/answer-link",
                    "admin_answer_link", accounts::Action::manage_petitions,
                    [&services](const Request&, const Params& params, const AdminContext& context) {
                        return answer_link(services, params, context);
                    });
}

}  // namespace rempart::admin
