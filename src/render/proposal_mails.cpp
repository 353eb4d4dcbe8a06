// Words of the author's mails, in the shared notice layout.
#include "render/proposal_mails.hpp"

#include <vector>

namespace rempart::render {

MailTexts proposal_link_mail(const Messages& messages, Language language, const SiteSettings& site,
                             const ProposalLink& proposal) {
    const Placeholders values{{"title", proposal.title}, {"site", site.name}};
    const auto say = [&](std::string_view key) {
        return fill(messages.text(language, key), values);
    };
    if (proposal.to_confirm)
        return notice_texts(
            language, say("propose_mail.confirm_subject"), {say("propose_mail.confirm_intro")},
            proposal.link, say("propose_mail.confirm_link"),
            {say("propose_mail.keep_link"), say("propose_mail.not_you")}, say("mail.sign_off"));
    return notice_texts(
        language, say("propose_mail.link_subject"), {say("propose_mail.link_intro")}, proposal.link,
        say("propose_mail.link_link"), {say("propose_mail.keep_link")}, say("mail.sign_off"));
}

MailTexts support_mail(const Messages& messages, Language language, const SiteSettings& site,
                       const SupportMail& mail) {
    const Placeholders values{{"title", mail.title},
                              {"site", site.name},
                              {"needed", format_number(language, mail.needed)}};
    const auto say = [&](std::string_view key) {
        return fill(messages.text(language, key), values);
    };
    if (mail.to_author)
        return notice_texts(language, say("support_mail.ready_subject"),
                            {say("support_mail.ready_intro")}, mail.link,
                            say("propose_mail.link_link"), {}, say("mail.sign_off"));
    return notice_texts(language, say("support_mail.confirm_subject"),
                        {say("support_mail.confirm_intro")}, mail.link,
                        say("support_mail.confirm_link"), {say("support_mail.not_you")},
                        say("mail.sign_off"));
}

MailTexts proposal_decision_mail(const Messages& messages, Language language,
                                 const SiteSettings& site, const ProposalDecision& decision) {
    const Placeholders values{{"title", decision.title},
                              {"site", site.name},
                              {"reason", decision.reason},
                              {"note", decision.note}};
    const auto say = [&](std::string_view key) {
        return fill(messages.text(language, key), values);
    };
    std::string prefix;
    switch (decision.outcome) {
        case ProposalOutcome::published:
            prefix = "propose_mail.published";
            break;
        case ProposalOutcome::rejected:
            prefix = "propose_mail.rejected";
            break;
        case ProposalOutcome::sent_back:
            prefix = "propose_mail.sent_back";
            break;
        case ProposalOutcome::removed:
            prefix = "propose_mail.removed";
            break;
    }
    std::vector<std::string> before{say(prefix + "_intro")};
    if (decision.outcome == ProposalOutcome::rejected ||
        decision.outcome == ProposalOutcome::removed)
        before.push_back(say("propose_mail.reason"));
    if (!decision.note.empty()) before.push_back(say("propose_mail.note"));
    return notice_texts(language, say(prefix + "_subject"), before, decision.link,
                        say(prefix + "_link"), {say("propose_mail.private")}, say("mail.sign_off"));
}

MailTexts moderation_digest_mail(const Messages& messages, Language language,
                                 const SiteSettings& site, const ModerationDigest& digest) {
    const Placeholders values{
        {"site", site.name},
        {"waiting", messages.plural(language, "digest_mail.proposals", digest.waiting)},
        {"overdue", messages.plural(language, "digest_mail.proposals", digest.overdue)},
        {"reported", messages.plural(language, "digest_mail.petitions", digest.reported)},
        {"days", format_number(language, digest.overdue_days)}};
    const auto say = [&](std::string_view key) {
        return fill(messages.text(language, key), values);
    };
    std::vector<std::string> before{say("digest_mail.waiting")};
    if (digest.overdue > 0) before.push_back(say("digest_mail.overdue"));
    if (digest.reported > 0) before.push_back(say("digest_mail.reported"));
    return notice_texts(language, say("digest_mail.subject"), before, digest.link,
                        say("digest_mail.link"), {say("digest_mail.why")}, say("mail.sign_off"));
}

}  // namespace rempart::render
