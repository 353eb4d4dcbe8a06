// The organisers' mail when a petition reaches its goal.
#include "app/goal_mail.hpp"

#include "render/mail_texts.hpp"
#include "store/outbox_repository.hpp"
#include "web/site_mail.hpp"

namespace rempart::app {

std::vector<mail::AddressedMail> goal_mails(const web::Settings& config,
                                            const render::Messages& messages,
                                            const store::GoalReached& goal,
                                            const std::vector<std::string>& to) {
    const auto language =
        render::parse_language(config.site.default_language).value_or(render::Language::fr);
    const auto& base = config.server.base_url;
    const auto texts = render::goal_reached_mail(
        messages, language,
        {goal.title, goal.goal, goal.count, base + "/petitions/" + goal.slug,
         base + "/admin/petitions/" + std::to_string(goal.petition_id) + "/edit"});
    std::vector<mail::AddressedMail> mails;
    for (const auto& address : to)
        mails.push_back(
            {address, web::compose_site_mail(config.mail, config.site, address, language, texts)});
    return mails;
}

Result<std::size_t> announce_goals(store::Database& db, const web::Settings& config,
                                   const render::Messages& messages, std::int64_t now) {
    const auto reached = store::record_goals_reached(db, now);
    if (reached.empty()) return std::size_t{0};
    const auto to = store::organiser_addresses(db);
    std::size_t queued = 0;
    for (const auto& goal : reached)
        for (const auto& mail : goal_mails(config, messages, goal, to)) {
            auto enqueued = store::enqueue_mail(db, "goal_reached", config.mail.from, mail.to,
                                                mail.message, now);
            if (!enqueued) return enqueued.error();
            ++queued;
        }
    return queued;
}

}  // namespace rempart::app
