// The newsletter's subscribers with their proof, as CSV.
#include "admin/subscriber_csv.hpp"

#include <array>

#include "admin/delivery_csv.hpp"
#include "core/clock.hpp"

namespace rempart::admin {
namespace {

constexpr std::array<std::string_view, 11> subscriber_columns = {
    "email",          "language",      "subscribed_at",         "asked_at",
    "asked_on",       "form_words_version", "consent_words_version", "consent_words",
    "confirmed_from", "last_action_at", "unsubscribe_url"};

std::string moment(std::int64_t unix_seconds) {
    return utc_text(unix_seconds, "%Y-%m-%dT%H:%M:%SZ");
}

void add_row(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i)
        out += (i > 0 ? "," : "") + csv_field(fields[i]);
    out += "\r\n";
}

}  // namespace

std::string subscriber_csv(const std::vector<store::NewsletterSubscriber>& subscribers,
                           std::string_view base_url,
                           const std::function<std::string(std::int64_t)>& leave_link) {
    std::string out = "\xEF\xBB\xBF";
    add_row(out, std::vector<std::string>(subscriber_columns.begin(), subscriber_columns.end()));
    for (const auto& s : subscribers)
        add_row(out, {s.email, s.language, s.confirmed_at ? moment(*s.confirmed_at) : "",
                      moment(s.asked_at),
                      s.asked_on_slug.empty()
                          ? std::string()
                          : std::string(base_url) + "/petitions/" + s.asked_on_slug,
                      s.asked_words, s.words_version, s.words, s.confirmed_from,
                      moment(s.last_action_at), leave_link(s.id)});
    return out;
}

}  // namespace rempart::admin
