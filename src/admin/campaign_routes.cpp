// GET /admin/petitions/{id}: the campaign page of one petition, for whoever may see the
// petitions: where it stands, its signatures by hour and by day (server-drawn SVG, readable
// without script), how many confirm, where they come from, and the incidents that touched it.
#include "admin/admin_routes.hpp"
#include "core/clock.hpp"
#include "store/campaign_repository.hpp"
#include "store/petition_repository.hpp"
#include "store/retention_repository.hpp"
#include "web/campaign_chart.hpp"

namespace rempart::admin {
namespace {

constexpr std::int64_t hour = 3600;

struct Campaign {
    Petition petition;
    store::CampaignFigures figures;
    bool legal_hold = false;
};

std::string chart(const AdminServices& s, const AdminContext& context,
                  const std::vector<store::SignatureBucket>& buckets, std::int64_t first,
                  std::int64_t last, std::int64_t step, std::string id, std::string_view title) {
    return web::campaign_chart(s.pages.messages(), context.language, buckets, first, last, step,
                               std::move(id), title);
}

Awaitable campaign_page(AdminServices& s, const Request& request, const Params& params,
                        const AdminContext& context) {
    const auto id = id_of(params[0]);
    const auto now = unix_now_ms() / 1000;
    std::function<std::optional<Campaign>(store::Database&)> read =
        [id, now](store::Database& db) -> std::optional<Campaign> {
        auto petition = store::find_petition_by_id(db, id);
        if (!petition) return std::nullopt;
        return Campaign{std::move(*petition), store::campaign_figures(db, id, now),
                        store::legal_hold_of(db, id).value_or(false)};
    };
    const auto campaign = co_await s.store.readers().read<std::optional<Campaign>>(std::move(read));
    if (!campaign)
        co_return admin_notice(s, context.language, 404, "admin.petition_missing_title",
                               "admin.petition_missing");
    const auto& petition = campaign->petition;
    const auto& figures = campaign->figures;
    const auto& by_state =
        figures.by_state;  // pending, confirmed, quarantined, invalidated, withdrawn
    PageData data;
    data.set("id", std::to_string(petition.id));
    data.set("title", petition.title);
    data.set("state",
             say(s, context, "admin.petition_state_" + std::string(to_string(petition.state))));
    data.set("has_public_page", has_public_address(petition));
    data.set("public_url", "/petitions/" + petition.slug);
    data.set("may_manage", accounts::may(context.user.role, accounts::Action::manage_petitions));
    const auto number = [&](std::int64_t value) {
        return render::format_number(context.language, value);
    };
    data.set("confirmed", number(by_state[1]));
    data.set("waiting", number(by_state[0]));
    data.set("set_aside", number(by_state[2] + by_state[3]));
    data.set("withdrawn", number(by_state[4]));
    // Of the signers the defence let through, the share who clicked their link.
    const auto reached = by_state[0] + by_state[1] + by_state[4];
    data.set("has_rate", reached > 0);
    data.set("rate", std::to_string(reached > 0 ? (by_state[1] + by_state[4]) * 100 / reached : 0));
    data.set("has_goal", petition.goal.has_value());
    if (petition.goal)
        data.set("goal_text",
                 render::fill(say(s, context, "admin.campaign_goal"),
                              {{"goal", number(*petition.goal)},
                               {"percent", std::to_string(by_state[1] * 100 / *petition.goal)}}));

    PageData charts = PageData::type::list;
    PageData hourly;
    hourly.set("chart_html",
               chart(s, context, figures.hours, (now / hour - 47) * hour, now / hour * hour, hour,
                     "chart-hours", "admin.campaign_per_hour"));
    charts.push_back(hourly);
    const auto first_day =
        figures.days.empty() ? now / seconds_a_day * seconds_a_day : figures.days.front().start;
    PageData daily;
    daily.set("chart_html",
              chart(s, context, figures.days, first_day, now / seconds_a_day * seconds_a_day,
                    seconds_a_day, "chart-days", "admin.campaign_per_day"));
    charts.push_back(daily);
    data.set("charts", charts);

    // By département ("69 Rhône"), then summed by région, with the names Etalab publishes.
    const auto named = [&](std::string_view code) {
        const auto name = s.geography ? s.geography->departement_name(code) : std::string_view();
        return name.empty() ? std::string(code) : std::string(code) + " " + std::string(name);
    };
    PageData regions = PageData::type::list;
    for (const auto& [code, count] : figures.by_region) {
        PageData item;
        item.set("region", named(code));
        item.set("count", number(count));
        regions.push_back(item);
    }
    data.set("regions", regions);
    data.set("has_regions", !figures.by_region.empty());
    PageData wide = PageData::type::list;
    if (s.geography)
        for (const auto& [name, count] :
             s.geography->by_region(figures.by_region, say(s, context, "admin.campaign_abroad"))) {
            PageData item;
            item.set("name", name);
            item.set("count", number(count));
            wide.push_back(item);
        }
    data.set("wide_regions", wide);

    PageData incidents = PageData::type::list;
    for (const auto& incident : figures.incidents) {
        PageData item;
        item.set("id", std::to_string(incident.id));
        item.set("opened", utc_time(incident.opened_ms));
        item.set("state", incident.state);
        item.set("dimension", incident.dimension);
        item.set("quarantined", number(incident.quarantined));
        incidents.push_back(item);
    }
    data.set("incidents", incidents);
    data.set("has_incidents", !figures.incidents.empty());
    // What becomes of the signers' data once it closes, and the admins' legal hold.
    data.set("data_text", render::fill(say(s, context, "admin.campaign_data_text"),
                                       {{"days", number(s.site.retention().after_close_days)}}));
    data.set("legal_hold", campaign->legal_hold);
    data.set("may_hold", accounts::may(context.user.role, accounts::Action::hold_signatures));
    data.set("may_view_incidents",
             accounts::may(context.user.role, accounts::Action::view_incidents));
    for (const auto* done : {"legal_hold_on", "legal_hold_off"})
        data.set(std::string("done_") + done,
                 request.query.find(std::string("done=") + done) != std::string_view::npos);
    co_return admin_page(s, context, 200, "admin.campaign_title", "campaign", std::move(data));
}

}  // namespace

void add_campaign_routes(http::Router& router, AdminServices& services) {
    add_admin_route(
        router, services, http::Method::get, "/admin/petitions/{id}", "admin_campaign",
        accounts::Action::view_petitions,
        [&services](const Request& request, const Params& params, const AdminContext& context) {
            return campaign_page(services, request, params, context);
        });
}

}  // namespace rempart::admin
