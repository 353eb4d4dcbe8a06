// The admins' mail when a moderator releases a cluster.
#include "admin/release_mail.hpp"

#include "render/mail_texts.hpp"

namespace rempart::admin {

std::vector<mail::AddressedMail> release_mails(const web::Site& site,
                                               const store::DecidedCluster& released,
                                               std::string_view by) {
    const auto& config = site.config();
    if (released.signatures <= 0 || config.mail.admin_alerts_to.empty()) return {};
    const auto language =
        render::parse_language(config.site.default_language).value_or(render::Language::fr);
    const auto& cluster = released.cluster;
    const auto snapshot = site.catalog().current();
    const auto* petition = snapshot->find_by_id(cluster.petition_id);
    render::ReleaseNotice notice;
    notice.petition_title = petition ? petition->title : cluster.petition_slug;
    notice.incident_id = cluster.incident_id;
    notice.dimension = std::string(defence::to_string(cluster.dimension));
    // Names and comments are keyed hashes: meaningless to a reader, so not shown.
    if (!defence::is_hashed(cluster.dimension)) notice.value = cluster.key_value;
    notice.released = released.signatures;
    notice.kept_by_hand = released.kept_by_hand;
    notice.by = std::string(by);
    notice.link =
        config.server.base_url + "/admin/incidents/" + std::to_string(cluster.incident_id);
    const auto texts = render::release_mail(site.messages(), language, notice);
    return mail::mails_to_admins(
        config.mail, config.site.name,
        {texts.subject, texts.text, texts.html, std::string(render::code(language))});
}

}  // namespace rempart::admin
