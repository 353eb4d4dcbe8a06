// GET /admin/newsletter: the association's newsletter as its organisers run it (how many
// subscribe, wait or left, and how consent works), and /admin/newsletter.csv, the current
// subscribers with their proof for the mailing tool. Each export is in the audit log before
// its rows leave: a list of addresses is personal data.
#include <spdlog/spdlog.h>

#include "admin/admin_routes.hpp"
#include "admin/subscriber_csv.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "signatures/newsletter.hpp"
#include "store/audit_repository.hpp"

namespace rempart::admin {
namespace {

Awaitable newsletter_page(AdminServices& s, const AdminContext& context) {
    std::function<store::NewsletterCounts(store::Database&)> read = [](store::Database& db) {
        return store::count_subscriptions(db);
    };
    const auto counts = co_await s.store.readers().read<store::NewsletterCounts>(std::move(read));
    const auto number = [&](std::int64_t n) { return render::format_number(context.language, n); };
    PageData data;
    data.set("subscribed", number(counts.subscribed));
    data.set("pending", number(counts.pending));
    data.set("left", number(counts.left));
    data.set("expired", number(counts.expired));
    data.set("idle_text",
             render::fill(say(s, context, "newsletter_admin.how_idle"),
                          {{"days", number(s.site.retention().newsletter_idle_days)},
                           {"unconfirmed", number(s.site.retention().unconfirmed_days)}}));
    co_return admin_page(s, context, 200, "newsletter_admin.title", "newsletter", std::move(data));
}

Awaitable csv(AdminServices& s, const AdminContext& context) {
    auto entry = audit_entry(context, "newsletter_exported", "");
    std::function<Result<std::vector<store::NewsletterSubscriber>>(store::Database&)> job =
        [entry](store::Database& db) mutable -> Result<std::vector<store::NewsletterSubscriber>> {
        auto subscribers = store::current_subscribers(db);
        entry.detail = std::to_string(subscribers.size()) + " subscribers";
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        return subscribers;
    };
    const auto exported =
        co_await s.store.writer().write<std::vector<store::NewsletterSubscriber>>(std::move(job));
    if (!exported) {
        spdlog::error("{} error={}", log_event::store_write_failed,
                      log_text(exported.error().detail));
        co_return admin_notice(s, context.language, 503, "admin.busy_title", "admin.store_busy");
    }
    const auto base_url = s.site.config().server.base_url;
    Response response;
    response.content_type = "text/csv; charset=utf-8";
    response.set_header("Content-Disposition", "attachment; filename=\"newsletter-subscribers.csv\"");
    response.body = http::Body(subscriber_csv(*exported, base_url, [&](std::int64_t id) {
        return base_url + "/newsletter/leave/" +
               signatures::newsletter_token(s.link_secret, signatures::NewsletterLink::leave, id);
    }));
    co_return response;
}

}  // namespace

void add_newsletter_admin_routes(http::Router& router, AdminServices& services) {
    add_admin_route(router, services, http::Method::get, "/admin/newsletter", "admin_newsletter",
                    accounts::Action::export_subscribers,
                    [&services](const Request&, const Params&, const AdminContext& context) {
                        return newsletter_page(services, context);
                    });
    add_admin_route(router, services, http::Method::get, "/admin/newsletter.csv",
                    "admin_newsletter_csv", accounts::Action::export_subscribers,
                    [&services](const Request&, const Params&, const AdminContext& context) {
                        return csv(services, context);
                    });
}

}  // namespace rempart::admin
