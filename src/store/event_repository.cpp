// Signing events in the store: the record the defence engine reads.
#include "store/event_repository.hpp"

namespace rempart::store {
namespace {

using signatures::SigningEvent;

std::string_view kind_name(SigningEvent::Kind kind) {
    switch (kind) {
        case SigningEvent::Kind::confirmation:
            return "confirmation";
        case SigningEvent::Kind::withdrawal:
            return "withdrawal";
        case SigningEvent::Kind::proposal:
            return "proposal";
        case SigningEvent::Kind::report:
            return "report";
        case SigningEvent::Kind::attempt:
            break;
    }
    return "attempt";
}

SigningEvent::Kind parse_kind(std::string_view text) {
    if (text == "confirmation") return SigningEvent::Kind::confirmation;
    if (text == "withdrawal") return SigningEvent::Kind::withdrawal;
    return SigningEvent::Kind::attempt;
}

// Empty text is stored as NULL: "no domain" and "an empty domain" are the same fact.
void bind_text(Statement& statement, int index, const std::string& text) {
    if (text.empty())
        statement.bind(index, std::nullopt);
    else
        statement.bind(index, std::string_view(text));
}

}  // namespace

Result<void> insert_event(Database& db, const SigningEvent& event) {
    auto& insert = db.prepare(
        "INSERT INTO signing_events (at_ms, kind, petition_id, signature_id, verdict, ip, "
        "network, asn, email_domain, name_key, comment_key, user_agent, pow_difficulty, "
        "pow_verdict, seconds_after_signing, automation) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
        "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
    insert.bind(1, event.at_ms).bind(2, kind_name(event.kind)).bind(3, event.petition_id);
    insert.bind(4, event.signature_id).bind(5, event.verdict).bind(6, event.ip);
    insert.bind(7, event.network).bind(8, event.asn);
    bind_text(insert, 9, event.email_domain);
    bind_text(insert, 10, event.name_key);
    bind_text(insert, 11, event.comment_key);
    insert.bind(12, event.user_agent).bind(13, event.pow_difficulty);
    bind_text(insert, 14, event.pow_verdict);
    insert.bind(15, event.seconds_after_signing);
    bind_text(insert, 16, event.automation);
    return insert.run();
}

Result<void> insert_submission_event(Database& db, const SigningEvent& event) {
    auto& insert = db.prepare(
        "INSERT INTO submission_events (at_ms, kind, petition_id, report_id, verdict, ip, "
        "network, asn, email_domain, name_key, comment_key, user_agent, pow_difficulty, "
        "automation) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    insert.bind(1, event.at_ms).bind(2, kind_name(event.kind)).bind(3, event.petition_id);
    insert.bind(4, event.report_id).bind(5, event.verdict).bind(6, event.ip);
    insert.bind(7, event.network).bind(8, event.asn);
    bind_text(insert, 9, event.email_domain);
    bind_text(insert, 10, event.name_key);
    bind_text(insert, 11, event.comment_key);
    insert.bind(12, event.user_agent).bind(13, event.pow_difficulty);
    insert.bind(14, event.automation);
    return insert.run();
}

std::vector<SigningEvent> recent_events(Database& db, std::int64_t petition_id, std::size_t limit) {
    auto& select = db.prepare(
        "SELECT at_ms, kind, petition_id, signature_id, verdict, ip, network, asn, "
        "COALESCE(email_domain, ''), COALESCE(name_key, ''), COALESCE(comment_key, ''), "
        "user_agent, pow_difficulty, COALESCE(pow_verdict, ''), seconds_after_signing "
        "FROM signing_events WHERE petition_id = ?1 ORDER BY id DESC LIMIT ?2");
    select.bind(1, petition_id).bind(2, static_cast<std::int64_t>(limit));
    std::vector<SigningEvent> events;
    while (select.step()) {
        SigningEvent event;
        event.at_ms = select.column_int(0);
        event.kind = parse_kind(select.column_text(1));
        event.petition_id = select.column_optional_int(2);
        event.signature_id = select.column_optional_int(3);
        event.verdict = select.column_text(4);
        event.ip = select.column_text(5);
        event.network = select.column_text(6);
        event.asn = select.column_optional_int(7);
        event.email_domain = select.column_text(8);
        event.name_key = select.column_text(9);
        event.comment_key = select.column_text(10);
        event.user_agent = select.column_text(11);
        event.pow_difficulty = select.column_optional_int(12);
        event.pow_verdict = select.column_text(13);
        event.seconds_after_signing = select.column_optional_int(14);
        events.push_back(std::move(event));
    }
    select.reset();
    return events;
}

}  // namespace rempart::store
