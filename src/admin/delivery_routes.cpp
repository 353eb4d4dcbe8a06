// The signature list handed to a petition's target: GET /admin/petitions/{id}/delivery.csv
// and GET /admin/petitions/{id}/delivery (a page to print on A4). Each export is written in
// the audit log before its rows leave: a list of names is personal data.
#include <spdlog/spdlog.h>

#include <variant>

#include "admin/admin_routes.hpp"
#include "admin/delivery_csv.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "render/markdown.hpp"
#include "store/delivery_repository.hpp"
#include "store/petition_repository.hpp"

namespace rempart::admin {
namespace {

struct Delivery {
    Petition petition;
    std::vector<store::DeliveryRow> rows;
};

// Reads the list and writes the export's audit entry in one step of the writer, so that no
// list leaves without its entry; none when the petition does not exist.
boost::asio::awaitable<Result<std::optional<Delivery>>> export_delivery(AdminServices& s,
                                                                        const AdminContext& context,
                                                                        std::int64_t id,
                                                                        std::string format) {
    auto entry = audit_entry(context, "delivery_exported", "");
    std::function<Result<std::optional<Delivery>>(store::Database&)> job =
        [id, entry, format](store::Database& db) mutable -> Result<std::optional<Delivery>> {
        auto petition = store::find_petition_by_id(db, id);
        if (!petition) return std::optional<Delivery>();
        Delivery delivery{std::move(*petition), store::delivery_rows(db, id)};
        entry.detail = "petition " + delivery.petition.slug + ", " +
                       std::to_string(delivery.rows.size()) + " signatures, " + format;
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        return std::optional<Delivery>(std::move(delivery));
    };
    co_return co_await s.store.writer().write<std::optional<Delivery>>(std::move(job));
}

// The delivery, or the page that says why there is none: 404 for no such petition, 503
// when the store could not write the export's audit entry (no entry, no list).
boost::asio::awaitable<std::variant<Delivery, Response>> delivery_or_refusal(
    AdminServices& s, const AdminContext& context, std::int64_t id, std::string format) {
    auto exported = co_await export_delivery(s, context, id, std::move(format));
    if (!exported) {
        spdlog::error("{} error={}", log_event::store_write_failed,
                      log_text(exported.error().detail));
        co_return admin_notice(s, context.language, 503, "admin.busy_title", "admin.store_busy");
    }
    if (!*exported)
        co_return admin_notice(s, context.language, 404, "admin.petition_missing_title",
                               "admin.petition_missing");
    co_return std::move(**exported);
}

Awaitable csv(AdminServices& s, const Params& params, const AdminContext& context) {
    auto exported = co_await delivery_or_refusal(s, context, id_of(params[0]), "csv");
    if (auto* refusal = std::get_if<Response>(&exported)) co_return std::move(*refusal);
    const auto& delivery = std::get<Delivery>(exported);
    const DeliveryHeadings headings{
        say(s, context, "admin.delivery_number"),   say(s, context, "admin.delivery_name"),
        say(s, context, "admin.delivery_postcode"), say(s, context, "admin.delivery_region"),
        say(s, context, "admin.delivery_comment"),  say(s, context, "admin.delivery_date")};
    Response response;
    response.content_type = "text/csv; charset=utf-8";
    response.set_header("Content-Disposition",
                        "attachment; filename=\"" + delivery.petition.slug + "-signatures.csv\"");
    response.body = http::Body(delivery_csv(delivery.rows, headings));
    co_return response;
}

Awaitable print_page(AdminServices& s, const Params& params, const AdminContext& context) {
    auto exported = co_await delivery_or_refusal(s, context, id_of(params[0]), "print");
    if (auto* refusal = std::get_if<Response>(&exported)) co_return std::move(*refusal);
    const auto& delivery = std::get<Delivery>(exported);
    const auto& petition = delivery.petition;
    PageData data;
    data.set("id", std::to_string(petition.id));
    data.set("title", petition.title);
    data.set("summary", petition.summary);
    data.set("body_html", render::render_markdown(petition.body_markdown));
    const auto target = petition.target_function.empty() ? petition.target_name
                        : petition.target_name.empty()
                            ? petition.target_function
                            : petition.target_name + ", " + petition.target_function;
    data.set("target", target);
    data.set("has_target", !target.empty());
    data.set("count", render::format_signatures(s.pages.messages(), context.language,
                                                static_cast<std::int64_t>(delivery.rows.size())));
    data.set("exported_on", render::format_date(context.language, unix_now_ms() / 1000));
    PageData rows = PageData::type::list;
    std::size_t number = 0;
    for (const auto& row : delivery.rows) {
        PageData item;
        item.set("number", std::to_string(++number));
        item.set("name", row.name);
        item.set("place", row.postcode ? *row.postcode : row.region.value_or(""));
        item.set("date", render::format_date(context.language, row.confirmed_at));
        rows.push_back(item);
    }
    data.set("rows", rows);
    data.set("none", delivery.rows.empty());
    co_return admin_page(s, context, 200, "admin.delivery_title", "delivery", std::move(data));
}

}  // namespace

void add_delivery_routes(http::Router& router, AdminServices& services) {
    add_admin_route(router, services, http::Method::get, "/admin/petitions/{id}/delivery.csv",
                    "admin_delivery_csv", accounts::Action::manage_petitions,
                    [&services](const Request&, const Params& params, const AdminContext& context) {
                        return csv(services, params, context);
                    });
    add_admin_route(router, services, http::Method::get, "/admin/petitions/{id}/delivery",
                    "admin_delivery", accounts::Action::manage_petitions,
                    [&services](const Request&, const Params& params, const AdminContext& context) {
                        return print_page(services, params, context);
                    });
}

}  // namespace rempart::admin
