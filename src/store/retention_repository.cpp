// The retention rules in the store, each in batches that the caller writes one at a time.
#include "store/retention_repository.hpp"

#include <sqlite3.h>

#include <array>

#include "petitions/errors.hpp"
#include "store/detail/anonymised.hpp"

namespace rempart::store {
namespace {

Result<std::int64_t> run_counted(Statement& statement, Database& db) {
    if (auto ran = statement.run(); !ran) return ran.error();
    return db.changes();
}

// The ids of a batch as a JSON array, for `json_each`: one statement whatever the batch.
std::string json_ids(const std::vector<std::int64_t>& ids) {
    std::string json = "[";
    for (const auto id : ids) json += (json.size() > 1 ? "," : "") + std::to_string(id);
    return json + "]";
}

std::vector<std::int64_t> ids_of(Statement& select) {
    std::vector<std::int64_t> ids;
    while (select.step()) ids.push_back(select.column_int(0));
    select.reset();
    return ids;
}

// The ids a batch's select found, as json_ids gives them; empty when none.
std::string due_ids(Statement& select) {
    const auto ids = ids_of(select);
    return ids.empty() ? std::string() : json_ids(ids);
}

// Unlinks and removes whatever names these signatures, before the signatures themselves.
Result<void> run_each(Database& db, std::initializer_list<std::string_view> statements,
                      const std::string& ids) {
    for (const auto sql : statements) {
        auto& statement = db.prepare(sql);
        statement.bind(1, ids);
        if (auto ran = statement.run(); !ran) return ran.error();
    }
    return {};
}

struct AddressColumns {
    std::string_view select;  // id, address, Unix seconds, after ?1, limit ?2
    std::string_view update;  // address ?1 of row ?2
    std::string_view cursor;  // its place in retention_cursors
};

AddressColumns columns_of(AddressTable table) {
    switch (table) {
        case AddressTable::signatures:
            return {"SELECT id, ip, created_at FROM signatures WHERE id > ?1 ORDER BY id LIMIT ?2",
                    "UPDATE signatures SET ip = ?1 WHERE id = ?2", "addresses.signatures"};
        case AddressTable::signing_events:
            return {
                "SELECT id, ip, at_ms / 1000 FROM signing_events WHERE id > ?1 ORDER BY id "
                "LIMIT ?2",
                "UPDATE signing_events SET ip = ?1 WHERE id = ?2", "addresses.signing_events"};
        case AddressTable::submission_events:
            return {
                "SELECT id, ip, at_ms / 1000 FROM submission_events WHERE id > ?1 ORDER BY id "
                "LIMIT ?2",
                "UPDATE submission_events SET ip = ?1 WHERE id = ?2",
                "addresses.submission_events"};
        case AddressTable::audit_log:
            break;
    }
    return {"SELECT id, ip, at_ms / 1000 FROM audit_log WHERE id > ?1 ORDER BY id LIMIT ?2",
            "UPDATE audit_log SET ip = ?1 WHERE id = ?2", "addresses.audit_log"};
}

std::int64_t read_cursor(Database& db, std::string_view name) {
    auto& select = db.prepare("SELECT after FROM retention_cursors WHERE name = ?1");
    select.bind(1, name);
    const std::int64_t after = select.step() ? select.column_int(0) : 0;
    select.reset();
    return after;
}

Result<void> write_cursor(Database& db, std::string_view name, std::int64_t after) {
    auto& upsert = db.prepare(
        "INSERT INTO retention_cursors (name, after) VALUES (?1, ?2) "
        "ON CONFLICT (name) DO UPDATE SET after = excluded.after");
    upsert.bind(1, name).bind(2, after);
    return upsert.run();
}

// Petitions whose events no incident holds any more: none open, none decided (its last
// action) after `evidence_before_ms`.
std::vector<std::int64_t> petitions_not_held(Database& db, std::int64_t evidence_before_ms) {
    auto& select = db.prepare(
        "SELECT p.id FROM petitions p WHERE NOT EXISTS (SELECT 1 FROM incidents i "
        "WHERE i.subject = 'signatures' AND i.petition_id = p.id AND (i.state = 'open' OR "
        "COALESCE((SELECT MAX(a.at_ms) FROM incident_actions a WHERE a.incident_id = i.id), "
        "i.opened_ms) >= ?1)) ORDER BY p.id");
    select.bind(1, evidence_before_ms);
    return ids_of(select);
}

bool subject_held(Database& db, std::string_view subject, std::int64_t evidence_before_ms) {
    auto& select = db.prepare(
        "SELECT 1 FROM incidents i WHERE i.subject = ?1 AND (i.state = 'open' OR "
        "COALESCE((SELECT MAX(a.at_ms) FROM incident_actions a WHERE a.incident_id = i.id), "
        "i.opened_ms) >= ?2) LIMIT 1");
    select.bind(1, subject).bind(2, evidence_before_ms);
    const bool held = select.step();
    select.reset();
    return held;
}

}  // namespace

Result<std::int64_t> erase_unconfirmed(Database& db, std::int64_t before, std::int64_t limit) {
    auto& select = db.prepare(
        "SELECT id FROM signatures WHERE state = 'pending' AND created_at < ?1 "
        "ORDER BY created_at LIMIT ?2");
    select.bind(1, before).bind(2, limit);
    const auto json = due_ids(select);
    if (json.empty()) return 0;
    if (auto unlinked = run_each(
            db,
            {"DELETE FROM signature_tokens WHERE signature_id IN (SELECT value FROM json_each(?1))",
             "UPDATE signing_events SET signature_id = NULL "
             "WHERE signature_id IN (SELECT value FROM json_each(?1))",
             "UPDATE outbox SET signature_id = NULL, link_token = NULL, envelope_to = '', "
             "message = '' WHERE signature_id IN (SELECT value FROM json_each(?1))",
             "DELETE FROM quarantine_holds WHERE signature_id IN (SELECT value FROM json_each(?1))",
             "DELETE FROM hand_invalidations "
             "WHERE signature_id IN (SELECT value FROM json_each(?1))"},
            json);
        !unlinked)
        return unlinked.error();
    auto& erase = db.prepare(
        "DELETE FROM signatures WHERE state = 'pending' AND id IN (SELECT value FROM "
        "json_each(?1))");
    erase.bind(1, json);
    return run_counted(erase, db);
}

Result<std::int64_t> anonymise_closed(Database& db, std::int64_t closed_before, std::int64_t now,
                                      std::int64_t limit) {
    // A closed petition takes no signature: once its walk reaches the newest signature of
    // the site, it is done, until it is opened and closed again.
    auto& pick = db.prepare(
        "SELECT id, anonymised_through FROM petitions WHERE closed_at IS NOT NULL "
        "AND closed_at < ?1 AND legal_hold = 0 AND state IN ('closed', 'archived', 'removed') "
        "AND anonymised_through < (SELECT COALESCE(MAX(id), 0) FROM signatures) "
        "ORDER BY id LIMIT 1");
    auto& newest = db.prepare("SELECT COALESCE(MAX(id), 0) FROM signatures");
    // By id from where it stopped, not by the petition's index: each row is read once.
    auto& walk = db.prepare(
        "SELECT id FROM signatures NOT INDEXED WHERE id > ?2 AND id <= ?3 AND petition_id = ?1 "
        "AND anonymised_at IS NULL ORDER BY id LIMIT ?4");
    auto& advance = db.prepare("UPDATE petitions SET anonymised_through = ?2 WHERE id = ?1");
    std::int64_t done = 0;
    while (done < limit) {
        pick.bind(1, closed_before);
        if (!pick.step()) {
            pick.reset();
            break;
        }
        const auto petition = pick.column_int(0);
        const auto through = pick.column_int(1);
        pick.reset();
        const auto last = newest.step() ? newest.column_int(0) : 0;
        newest.reset();
        walk.bind(1, petition).bind(2, through).bind(3, last).bind(4, limit - done);
        const auto ids = ids_of(walk);
        const bool finished = static_cast<std::int64_t>(ids.size()) < limit - done;
        if (!ids.empty()) {
            const auto json = json_ids(ids);
            if (auto unlinked =
                    run_each(db,
                             {"DELETE FROM signature_tokens "
                              "WHERE signature_id IN (SELECT value FROM json_each(?1))",
                              "UPDATE outbox SET link_token = NULL, envelope_to = '', message = '' "
                              "WHERE signature_id IN (SELECT value FROM json_each(?1)) AND state "
                              "<> 'queued'"},
                             json);
                !unlinked)
                return unlinked.error();
            auto& anonymise =
                db.prepare("UPDATE signatures SET " + std::string(detail::anonymised_signature) +
                           ", anonymised_at = ?2 WHERE id IN (SELECT value FROM json_each(?1))");
            anonymise.bind(1, json).bind(2, now);
            auto changed = run_counted(anonymise, db);
            if (!changed) return changed;
            done += *changed;
        }
        advance.bind(1, petition).bind(2, finished ? last : ids.back());
        if (auto moved = advance.run(); !moved) return moved.error();
    }
    return done;
}

std::optional<bool> legal_hold_of(Database& db, std::int64_t petition_id) {
    auto& select = db.prepare("SELECT legal_hold FROM petitions WHERE id = ?1");
    select.bind(1, petition_id);
    std::optional<bool> hold;
    if (select.step()) hold = select.column_int(0) != 0;
    select.reset();
    return hold;
}

Result<void> set_legal_hold(Database& db, std::int64_t petition_id, bool hold) {
    auto& update = db.prepare("UPDATE petitions SET legal_hold = ?2 WHERE id = ?1");
    update.bind(1, petition_id).bind(2, std::int64_t{hold ? 1 : 0});
    auto changed = run_counted(update, db);
    if (!changed) return changed.error();
    if (*changed == 0) return make_error(PetitionError::not_found, "no such petition");
    return {};
}

std::vector<KeptAddress> addresses_after(Database& db, AddressTable table, std::int64_t after_id,
                                         std::int64_t limit) {
    auto& select = db.prepare(columns_of(table).select);
    select.bind(1, after_id).bind(2, limit);
    std::vector<KeptAddress> rows;
    while (select.step())
        rows.push_back({select.column_int(0), select.column_text(1), select.column_int(2)});
    select.reset();
    return rows;
}

Result<void> replace_addresses(Database& db, AddressTable table,
                               const std::vector<std::pair<std::int64_t, std::string>>& rows) {
    auto& update = db.prepare(columns_of(table).update);
    for (const auto& [id, network] : rows) {
        update.bind(1, network).bind(2, id);
        if (auto ran = update.run(); !ran) return ran.error();
    }
    return {};
}

std::int64_t address_cursor(Database& db, AddressTable table) {
    return read_cursor(db, columns_of(table).cursor);
}

Result<void> keep_address_cursor(Database& db, AddressTable table, std::int64_t id) {
    return write_cursor(db, columns_of(table).cursor, id);
}

Result<std::int64_t> prune_events(Database& db, std::int64_t before, std::int64_t evidence_before,
                                  std::int64_t limit) {
    const auto before_ms = before * 1000;
    const auto evidence_ms = evidence_before * 1000;
    std::int64_t done = 0;
    const auto take = [&](Statement& statement) -> Result<void> {
        auto counted = run_counted(statement, db);
        if (!counted) return counted.error();
        done += *counted;
        return {};
    };
    for (const auto petition : petitions_not_held(db, evidence_ms)) {
        if (done >= limit) return done;
        auto& events = db.prepare(
            "DELETE FROM signing_events WHERE id IN (SELECT id FROM signing_events "
            "WHERE petition_id = ?1 AND at_ms < ?2 ORDER BY at_ms LIMIT ?3)");
        events.bind(1, petition).bind(2, before_ms).bind(3, limit - done);
        if (auto taken = take(events); !taken) return taken.error();
        if (done >= limit) return done;
        auto& refusals = db.prepare(
            "DELETE FROM signing_refusals WHERE (petition_id, minute_ms, network, verdict) IN "
            "(SELECT petition_id, minute_ms, network, verdict FROM signing_refusals "
            "WHERE petition_id = ?1 AND minute_ms < ?2 LIMIT ?3)");
        refusals.bind(1, petition).bind(2, before_ms).bind(3, limit - done);
        if (auto taken = take(refusals); !taken) return taken.error();
    }
    if (done < limit) {
        auto& loose = db.prepare(
            "DELETE FROM signing_events WHERE id IN (SELECT id FROM signing_events "
            "WHERE petition_id IS NULL AND at_ms < ?1 ORDER BY at_ms LIMIT ?2)");
        loose.bind(1, before_ms).bind(2, limit - done);
        if (auto taken = take(loose); !taken) return taken.error();
    }
    constexpr std::array<std::pair<std::string_view, std::string_view>, 2> kinds{
        {{"proposal", "proposals"}, {"report", "reports"}}};
    for (const auto& [kind, subject] : kinds) {
        if (done >= limit || subject_held(db, subject, evidence_ms)) continue;
        auto& events = db.prepare(
            "DELETE FROM submission_events WHERE id IN (SELECT id FROM submission_events "
            "WHERE kind = ?1 AND at_ms < ?2 ORDER BY at_ms LIMIT ?3)");
        events.bind(1, kind).bind(2, before_ms).bind(3, limit - done);
        if (auto taken = take(events); !taken) return taken.error();
    }
    return done;
}

Result<std::int64_t> anonymise_proposals(Database& db, std::int64_t closed_before,
                                         std::int64_t unconfirmed_before, std::int64_t limit) {
    auto& select = db.prepare(
        "SELECT s.petition_id FROM submissions s JOIN petitions p ON p.id = s.petition_id "
        "WHERE s.author_mailbox != '' AND p.legal_hold = 0 AND ("
        "(p.state IN ('closed', 'archived', 'removed') AND p.closed_at < ?1) OR "
        "(p.state = 'rejected' AND s.decided_at < ?1) OR "
        "(s.confirmed_at IS NULL AND s.proposed_at < ?2)) ORDER BY s.petition_id LIMIT ?3");
    select.bind(1, closed_before).bind(2, unconfirmed_before).bind(3, limit);
    const auto json = due_ids(select);
    if (json.empty()) return 0;
    // Supporters keep their number and moment, so the count of support stays true; their
    // mailbox and link become a placeholder unique to the row.
    if (auto done = run_each(
            db,
            {"UPDATE proposal_supporters SET name = '', mailbox = 'erased:' || id, "
             "token_hash = 'erased:' || id WHERE petition_id IN (SELECT value FROM json_each(?1)) "
             "AND mailbox NOT LIKE 'erased:%'",
             "UPDATE submissions SET author_name = '', author_email = '', author_mailbox = '' "
             "WHERE petition_id IN (SELECT value FROM json_each(?1))"},
            json);
        !done)
        return done.error();
    return db.changes();
}

Result<std::int64_t> clear_old_mail(Database& db, std::int64_t before, std::int64_t limit) {
    auto& failed = db.prepare(
        "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE state = 'failed' "
        "AND created_at < ?1 ORDER BY id LIMIT ?2)");
    failed.bind(1, before).bind(2, limit);
    auto deleted = run_counted(failed, db);
    if (!deleted) return deleted;
    // Sent mails are many: the rule walks them from where it stopped, by id, which follows
    // the time they were made.
    const auto after = read_cursor(db, "mail");
    auto& select =
        db.prepare("SELECT id, state, created_at FROM outbox WHERE id > ?1 ORDER BY id LIMIT ?2");
    select.bind(1, after).bind(2, limit);
    std::vector<std::int64_t> due;
    while (select.step()) {
        // A mail still queued, or made after the cutoff, stops the walk: it comes back later.
        if (select.column_text(1) == "queued" || select.column_int(2) >= before) break;
        due.push_back(select.column_int(0));
    }
    select.reset();
    if (due.empty()) return *deleted;
    auto& clear = db.prepare(
        "UPDATE outbox SET envelope_to = '', message = '', link_token = NULL "
        "WHERE id IN (SELECT value FROM json_each(?1)) AND state = 'sent'");
    clear.bind(1, json_ids(due));
    auto cleared = run_counted(clear, db);
    if (!cleared) return cleared;
    if (auto kept = write_cursor(db, "mail", due.back()); !kept) return kept.error();
    return *deleted + static_cast<std::int64_t>(due.size());
}

Result<std::int64_t> prune_sessions_and_audit(Database& db, std::int64_t ended_before,
                                              std::int64_t audit_before, std::int64_t limit) {
    auto& sessions = db.prepare("DELETE FROM sessions WHERE expires_ms < ?1");
    sessions.bind(1, ended_before * 1000);
    auto ended = run_counted(sessions, db);
    if (!ended) return ended;
    // The signers' own links to their data end with their day.
    auto& links = db.prepare("DELETE FROM data_links WHERE expires_at < ?1");
    links.bind(1, ended_before);
    if (auto done = links.run(); !done) return done.error();
    auto& audit = db.prepare(
        "DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at_ms < ?1 "
        "ORDER BY at_ms LIMIT ?2)");
    audit.bind(1, audit_before * 1000).bind(2, limit);
    auto old = run_counted(audit, db);
    if (!old) return old;
    return *ended + *old;
}

}  // namespace rempart::store
