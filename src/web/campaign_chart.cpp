// A petition's signatures over time as a chart with its words.
#include "web/campaign_chart.hpp"

#include "render/signature_chart.hpp"

namespace rempart::web {

std::string campaign_chart(const render::Messages& messages, render::Language language,
                           const std::vector<store::SignatureBucket>& buckets, std::int64_t first,
                           std::int64_t last, std::int64_t step, std::string id,
                           std::string_view title_key) {
    std::vector<render::SignatureBar> bars;
    std::int64_t total = 0;
    std::int64_t confirmed = 0;
    for (const auto& bucket : buckets) {
        bars.push_back({bucket.start, {bucket.confirmed, bucket.waiting, bucket.other}});
        total += bucket.confirmed + bucket.waiting + bucket.other;
        confirmed += bucket.confirmed;
    }
    const auto say = [&](std::string_view key) {
        return std::string(messages.text(language, key));
    };
    render::SignatureChartLabels labels;
    labels.id = std::move(id);
    labels.title = say(title_key);
    labels.description =
        render::fill(say("admin.campaign_chart_desc"),
                     {{"total", std::to_string(total)}, {"confirmed", std::to_string(confirmed)}});
    labels.series = {say("admin.campaign_confirmed"), say("admin.campaign_waiting"),
                     say("admin.campaign_not_counted")};
    return render::signature_chart_svg(bars, first, last, step, labels);
}

}  // namespace rempart::web
