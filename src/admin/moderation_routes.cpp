// The moderators' queue of proposed petitions: oldest first with their age against the
// promise, one proposal to read, and hold, approve, reject, send back or flag, each audited
// and, when it decides, mailed to the author.
#include "admin/moderation_routes.hpp"

#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "petitions/author_link.hpp"
#include "petitions/proposal_checks.hpp"
#include "render/markdown.hpp"
#include "render/proposal_mails.hpp"
#include "render/proposal_pages.hpp"
#include "signatures/text_input.hpp"
#include "store/outbox_repository.hpp"
#include "store/report_repository.hpp"
#include "store/submission_holds.hpp"
#include "store/submission_repository.hpp"
#include "web/site_mail.hpp"

namespace rempart::admin {
AuthorMailer author_mailer(const ModerationServices& services) {
    const auto settings = services.admin.site.config();
    return {settings.server.base_url, settings.mail, settings.site, &services.admin.site.messages(),
            services.secret};
}

std::string author_mail(const AuthorMailer& mailer, std::int64_t petition_id,
                        std::string_view nonce, std::string_view language, std::string_view to,
                        render::ProposalDecision decision) {
    const auto speaks = render::parse_language(language).value_or(render::Language::fr);
    decision.link = mailer.base_url + "/p/" + author_link_token(mailer.secret, petition_id, nonce);
    const auto texts =
        render::proposal_decision_mail(*mailer.messages, speaks, mailer.site, decision);
    return web::compose_site_mail(mailer.mail, mailer.site, to, speaks, texts);
}

std::string reason_label(AdminServices& s, const AdminContext& context,
                         const store::RejectionReason& reason) {
    auto label = !reason.label.empty()  ? reason.label
                 : !reason.code.empty() ? say(s, context, "admin.moderation_reason_" + reason.code)
                                        : reason.public_text;
    if (reason.hidden) label += " " + say(s, context, "admin.moderation_reason_hidden");
    return label;
}

namespace {

constexpr std::size_t queue_shown = 200;
constexpr std::int64_t lag_window_days = 30;

std::string say_days(AdminServices& s, const AdminContext& context, std::int64_t seconds) {
    const auto& messages = s.pages.messages();
    if (seconds >= seconds_a_day)
        return messages.plural(context.language, "admin.moderation_days", seconds / seconds_a_day);
    return messages.plural(context.language, "admin.moderation_hours", seconds / 3600);
}

// The automatic checks' flags in the viewer's words, one line each.
PageData flag_list(AdminServices& s, const AdminContext& context, std::string_view checks) {
    PageData list = PageData::type::list;
    for (const auto& flag : flags_from_json(checks)) {
        std::string values;
        for (const auto& value : flag.values) values += (values.empty() ? "" : ", ") + value;
        PageData item;
        item.set("kind", std::string(to_string(flag.kind)));
        item.set("text",
                 render::fill(
                     say(s, context, "admin.moderation_flag_" + std::string(to_string(flag.kind))),
                     {{"values", values}}));
        list.push_back(item);
    }
    return list;
}

struct QueueView {
    std::vector<store::ReportedPetition> reported;
    std::vector<store::QueuedProposal> queue;
    std::int64_t waiting = 0;
    LagFigures lags;
    store::SetAsideCounts set_aside;
};

Awaitable queue_page(ModerationServices& m, const AdminContext& context, std::string query) {
    auto& s = m.admin;
    const auto now = unix_now();
    std::function<QueueView(store::Database&)> read = [now](store::Database& db) {
        QueueView view;
        view.queue = store::moderation_queue(db, now, queue_shown);
        view.reported = store::reported_petitions(db, queue_shown);
        view.waiting = store::count_waiting(db);
        view.lags = lag_figures(store::lags_since(db, now - lag_window_days * seconds_a_day));
        view.set_aside = store::count_set_aside(db);
        return view;
    };
    const auto view = co_await s.store.readers().read<QueueView>(std::move(read));
    const auto& rules = m.settings.moderation;
    PageData rows = PageData::type::list;
    std::int64_t overdue = 0;
    for (const auto& proposal : view.queue) {
        const auto standing = standing_of(proposal.waited, rules);
        if (standing == QueueStanding::overdue) ++overdue;
        PageData row;
        row.set("id", std::to_string(proposal.petition_id));
        row.set("title", proposal.title);
        row.set("waited", say_days(s, context, proposal.waited));
        row.set("standing", std::string(to_string(standing)));
        row.set("standing_text",
                say(s, context, "admin.moderation_standing_" + std::string(to_string(standing))));
        row.set("held", proposal.hold.has_value());
        row.set("held_by", proposal.held_by);
        row.set("flagged", !proposal.flag_note.empty());
        row.set("flags", flag_list(s, context, proposal.checks));
        rows.push_back(row);
    }
    PageData reported = PageData::type::list;
    for (const auto& petition : view.reported) {
        PageData row;
        row.set("id", std::to_string(petition.petition_id));
        row.set("title", petition.title);
        const auto& messages = s.pages.messages();
        row.set("line",
                render::fill(
                    say(s, context, "admin.moderation_reported_line"),
                    {{"reports", messages.plural(context.language, "admin.moderation_reports",
                                                 petition.open_reports)},
                     {"networks", messages.plural(context.language, "admin.moderation_networks",
                                                  petition.networks)},
                     {"age", say_days(s, context, now - petition.first_at)}}));
        row.set("latest", petition.latest.empty() ? std::string() : petition.latest[0].reason);
        reported.push_back(row);
    }
    PageData data;
    data.set("reported", reported);
    data.set("none_reported", view.reported.empty());
    data.set("proposals", rows);
    data.set("none", view.queue.empty());
    data.set("summary", render::fill(say(s, context, "admin.moderation_summary"),
                                     {{"waiting", std::to_string(view.waiting)},
                                      {"overdue", std::to_string(overdue)},
                                      {"days", std::to_string(rules.overdue_after_days)}}));
    // What the defence holds is not in the queue: said here, decided on the incidents' pages.
    const auto& set_aside = view.set_aside;
    data.set("has_set_aside", set_aside.proposals + set_aside.reports > 0);
    {
        const auto& messages = s.pages.messages();
        data.set("set_aside",
                 render::fill(say(s, context, "admin.moderation_set_aside"),
                              {{"proposals", messages.plural(context.language,
                                                             "admin.moderation_set_aside_proposals",
                                                             set_aside.proposals)},
                               {"reports", messages.plural(context.language,
                                                           "admin.moderation_set_aside_reports",
                                                           set_aside.reports)}}));
    }
    data.set("has_lags", view.lags.decisions > 0);
    data.set("lags", render::fill(say(s, context, "admin.moderation_lags"),
                                  {{"count", std::to_string(view.lags.decisions)},
                                   {"median", say_days(s, context, view.lags.median)},
                                   {"slowest", say_days(s, context, view.lags.slowest_tenth)}}));
    // The word after a step: ?done=<step> from the redirect.
    for (const auto* done : {"approve", "reject", "return", "flag", "take_down", "dismissed"})
        if (query == std::string("done=") + done) data.set(std::string("done_") + done, true);
    data.set("intro", render::fill(say(s, context, "admin.moderation_intro"),
                                   {{"days", std::to_string(rules.overdue_after_days)},
                                    {"nearly", std::to_string(rules.nearly_overdue_after_days)}}));
    co_return admin_page(s, context, 200, "admin.moderation_title", "moderation", std::move(data));
}

struct ProposalView {
    std::optional<store::Submission> submission;
    std::vector<store::RejectionReason> reasons;
};

boost::asio::awaitable<ProposalView> read_proposal(AdminServices& s, std::int64_t id) {
    std::function<ProposalView(store::Database&)> read = [id](store::Database& db) {
        return ProposalView{store::find_submission(db, id), store::rejection_reasons(db, false)};
    };
    co_return co_await s.store.readers().read<ProposalView>(std::move(read));
}

Response proposal_page(ModerationServices& m, const AdminContext& context, unsigned status,
                       const ProposalView& view, std::string_view error_key,
                       std::string_view done) {
    auto& s = m.admin;
    const auto& submission = *view.submission;
    const auto& petition = submission.petition;
    const auto now = unix_now();
    const auto stage = submission.stage();
    PageData data;
    data.set("id", std::to_string(petition.id));
    data.set("title", petition.title);
    data.set("slug", petition.slug);
    data.set("summary", petition.summary);
    data.set("has_summary", !petition.summary.empty());
    data.set("body_html", render::render_markdown(petition.body_markdown));
    data.set("target", petition.target_name);
    data.set("goal", petition.goal ? std::to_string(*petition.goal) : std::string("—"));
    data.set("language", petition.language);
    data.set("author_name", submission.author_name);
    data.set("author_email", submission.author_email);
    data.set("proposed_at", utc_time(submission.proposed_at * 1000));
    data.set("stage", say(s, context, "admin.moderation_stage_" + std::string(to_string(stage))));
    const bool waiting = stage == SubmissionStage::waiting;
    data.set("waiting", waiting);
    if (waiting) {
        const auto waited = submission.waited_at(now);
        const auto standing = standing_of(waited, m.settings.moderation);
        data.set("waited", say_days(s, context, waited));
        data.set("standing", std::string(to_string(standing)));
        data.set("standing_text",
                 say(s, context, "admin.moderation_standing_" + std::string(to_string(standing))));
    }
    const bool held = submission.hold && submission.hold->until > now;
    const bool mine = held && submission.hold->user_id == context.user.id;
    data.set("held_by_other", held && !mine);
    data.set("held_by_me", mine);
    data.set("held_by", submission.held_by);
    if (held) data.set("held_until", utc_time(submission.hold->until * 1000));
    data.set("may_act", waiting && !(held && !mine));
    data.set("flagged", !submission.flag_note.empty());
    data.set("flagged_by", submission.flagged_by);
    data.set("flag_note", submission.flag_note);
    data.set("flags", flag_list(s, context, submission.checks));
    data.set("has_flags", !flags_from_json(submission.checks).empty());
    data.set("has_return_note", !submission.return_note.empty());
    data.set("return_note", submission.return_note);
    if (submission.decided_at) {
        data.set("decided", true);
        data.set("decided_by", submission.decided_by);
        data.set("decided_at", utc_time(*submission.decided_at * 1000));
        data.set("decision_note", submission.decision_note);
    }
    PageData reasons = PageData::type::list;
    for (const auto& reason : view.reasons) {
        PageData option;
        option.set("id", std::to_string(reason.id));
        option.set("label", reason_label(s, context, reason));
        reasons.push_back(option);
    }
    data.set("reasons", reasons);
    if (!error_key.empty()) data.set("error", say(s, context, error_key));
    if (!done.empty()) data.set("done_" + std::string(done), true);
    return admin_page(s, context, status, "admin.moderation_proposal_title", "proposal",
                      std::move(data));
}

// What a step says to the author, when it decides something; nothing for hold and flag.
std::optional<render::ProposalOutcome> outcome_of(ModerationStep step) {
    switch (step) {
        case ModerationStep::approve:
            return render::ProposalOutcome::published;
        case ModerationStep::reject:
            return render::ProposalOutcome::rejected;
        case ModerationStep::send_back:
            return render::ProposalOutcome::sent_back;
        default:
            return std::nullopt;
    }
}

Awaitable take_step(ModerationServices& m, const Params& params, const AdminContext& context) {
    auto& s = m.admin;
    const auto id = id_of(params[0]);
    const auto step = parse_moderation_step(params[1]);
    auto view = co_await read_proposal(s, id);
    if (!step || !view.submission)
        co_return admin_notice(s, context.language, 404, "admin.proposal_missing_title",
                               "admin.proposal_missing");
    std::string note;
    std::optional<std::int64_t> reason_id;
    for (const auto& [name, value] : context.form) {
        if (name == "note") {
            auto cleaned = signatures::clean_text(value, moderation_note_max, true);
            if (!cleaned)
                co_return proposal_page(m, context, 422, view, "moderation.note_too_long", {});
            note = std::move(*cleaned);
        }
        if (name == "reason") {
            const auto reason = id_of(value);
            if (reason > 0) reason_id = reason;
        }
    }
    if (*step == ModerationStep::send_back && note.empty())
        co_return proposal_page(m, context, 422, view, "moderation.note_required", {});
    if (*step == ModerationStep::reject && !reason_id)
        co_return proposal_page(m, context, 422, view, "moderation.reason_required", {});

    const auto outcome = outcome_of(*step);
    const auto step_name = std::string(to_string(*step));
    auto entry = audit_entry(context, "proposal_" + step_name,
                             "petition " + view.submission->petition.slug +
                                 (reason_id ? ", reason " + std::to_string(*reason_id) : "") +
                                 (note.empty() ? "" : ", note: " + note));
    store::ModerationDecision decision{*step, context.user.id, reason_id, note};
    std::function<Result<store::Submission>(store::Database&)> job =
        [id, decision, rules = m.settings.moderation, entry, outcome, mailer = author_mailer(m),
         now = unix_now()](store::Database& db) -> Result<store::Submission> {
        auto done = store::moderate(db, id, decision, rules, now);
        if (!done) return done;
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        if (!outcome) return done;
        const auto& petition = done->petition;
        const auto language =
            render::parse_language(petition.language).value_or(render::Language::fr);
        render::ProposalDecision told;
        told.title = petition.title;
        told.outcome = *outcome;
        told.reason = render::rejection_words(*mailer.messages, language, done->reason_code,
                                              done->reason_text);
        // A return's note is the return's; an earlier return's is not repeated at the decision.
        told.note = *outcome == render::ProposalOutcome::sent_back ? done->return_note
                                                                   : done->decision_note;
        const auto message = author_mail(mailer, petition.id, done->link_nonce, petition.language,
                                         done->author_email, std::move(told));
        if (auto queued = store::enqueue_mail(db, "proposal", mailer.mail.from, done->author_email,
                                              message, now);
            !queued)
            return queued.error();
        return done;
    };
    const auto done = co_await s.store.writer().write<store::Submission>(std::move(job));
    if (!done) {
        const auto& code = done.error().code;
        if (code == ModerationError::not_waiting || code == ModerationError::held_by_other ||
            code == ModerationError::reason_unknown) {
            view = co_await read_proposal(s, id);
            co_return proposal_page(m, context, 409, view, code.name(), {});
        }
        spdlog::error("{} error={}", log_event::store_write_failed, log_text(done.error().detail));
        co_return admin_notice(s, context.language, 503, "admin.busy_title", "admin.busy");
    }
    spdlog::info("{} petition={} step={} by={}", log_event::proposal_moderated, id, step_name,
                 log_text(context.user.email));
    if (outcome) s.mail_queued();
    // A hold stays on the proposal's page; every other step goes back to the queue.
    if (*step == ModerationStep::hold)
        co_return admin_redirect("/admin/moderation/" + std::to_string(id) + "?done=hold");
    co_return admin_redirect("/admin/moderation?done=" + step_name);
}

}  // namespace

void add_moderation_routes(http::Router& router, ModerationServices& services) {
    auto& s = services.admin;
    add_admin_route(
        router, s, http::Method::get, "/admin/moderation", "admin_moderation",
        accounts::Action::moderate_petitions,
        [&services](const Request& request, const Params&, const AdminContext& context) {
            return queue_page(services, context, std::string(request.query));
        });
    add_admin_route(router, s, http::Method::get, "/admin/moderation/{id}", "admin_proposal",
                    accounts::Action::moderate_petitions,
                    [&services](const Request& request, const Params& params,
                                const AdminContext& context) -> Awaitable {
                        const auto view = co_await read_proposal(services.admin, id_of(params[0]));
                        if (!view.submission)
                            co_return admin_notice(services.admin, context.language, 404,
                                                   "admin.proposal_missing_title",
                                                   "admin.proposal_missing");
                        std::string_view done;
                        if (request.query.find("done=hold") != std::string_view::npos)
                            done = "hold";
                        co_return proposal_page(services, context, 200, view, {}, done);
                    });
    add_admin_route(router, s, http::Method::post, "/admin/moderation/{id}/{step}",
                    "admin_moderate", accounts::Action::moderate_petitions,
                    [&services](const Request&, const Params& params, const AdminContext& context) {
                        return take_step(services, params, context);
                    });
}

}  // namespace rempart::admin
