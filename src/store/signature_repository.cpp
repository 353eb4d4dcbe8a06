// Signatures in the store: record one (or find its duplicate), confirm, withdraw, count.
#include "store/signature_repository.hpp"

#include <limits>

#include "signatures/errors.hpp"
#include "store/errors.hpp"

namespace rempart::store {
namespace {

using signatures::parse_signature_state;
using signatures::SignatureState;

// A confirmed signature's links no longer expire: they are how its signer withdraws.
constexpr std::int64_t never = std::numeric_limits<std::int64_t>::max();

Result<void> store_token(Database& db, std::int64_t signature_id, std::string_view token_hash,
                         std::int64_t now, std::int64_t expires_at) {
    auto& insert = db.prepare(
        "INSERT INTO signature_tokens (token_hash, signature_id, created_at, expires_at) "
        "VALUES (?1, ?2, ?3, ?4)");
    insert.bind(1, token_hash).bind(2, signature_id).bind(3, now).bind(4, expires_at);
    return insert.run();
}

Result<SigningRecord> record_duplicate(Database& db, const signatures::NewSignature& signature,
                                       std::string_view token_hash, std::int64_t token_expires_at,
                                       std::int64_t resend_after_s) {
    auto& select = db.prepare(
        "SELECT id, last_mail_at, state FROM signatures WHERE petition_id = ?1 AND "
        "email_canonical = ?2 AND state IN ('pending', 'confirmed', 'quarantined')");
    select.bind(1, signature.petition_id).bind(2, signature.email_canonical);
    if (!select.step()) {
        auto status = select.status();
        select.reset();
        if (!status) return status.error();
        return make_error(StoreError::failed,
                          "a duplicate signature vanished within its transaction");
    }
    const auto id = select.column_int(0);
    const auto last_mail_at = select.column_int(1);
    const auto state = parse_signature_state(select.column_text(2));
    select.reset();
    if (signature.now - last_mail_at < resend_after_s)
        return SigningRecord{SigningRecord::Kind::duplicate_quiet, id};
    auto& touch = db.prepare("UPDATE signatures SET last_mail_at = ?1 WHERE id = ?2");
    touch.bind(1, signature.now).bind(2, id);
    if (auto touched = touch.run(); !touched) return touched.error();
    const auto expires = state == SignatureState::pending ? token_expires_at : never;
    if (auto stored = store_token(db, id, token_hash, signature.now, expires); !stored)
        return stored.error();
    return SigningRecord{SigningRecord::Kind::duplicate_mail, id};
}

LinkedSignature read_linked(const Statement& row) {
    LinkedSignature linked;
    linked.signature_id = row.column_int(0);
    linked.petition_id = row.column_int(1);
    linked.state = parse_signature_state(row.column_text(2)).value_or(SignatureState::pending);
    linked.created_at = row.column_int(3);
    linked.email_domain = row.column_text(4);
    linked.name_normalised = row.column_text(5);
    return linked;
}

Result<void> set_state(Database& db, std::int64_t signature_id, SignatureState state,
                       std::string_view time_column, std::int64_t now) {
    // Two fixed statements rather than SQL built from a column name.
    auto& update = db.prepare(time_column == "confirmed_at"
                                  ? "UPDATE signatures SET state = ?1, confirmed_at = ?2 "
                                    "WHERE id = ?3"
                                  : "UPDATE signatures SET state = ?1, withdrawn_at = ?2 "
                                    "WHERE id = ?3");
    update.bind(1, to_string(state)).bind(2, now).bind(3, signature_id);
    return update.run();
}

Result<LinkedSignature> link_or_error(Database& db, std::string_view token_hash, std::int64_t now) {
    auto linked = find_by_token(db, token_hash, now);
    if (!linked)
        return make_error(signatures::SignatureError::link_invalid,
                          "the confirmation link is unknown or has expired");
    return *linked;
}

}  // namespace

Result<SigningRecord> record_signature(Database& db, const signatures::NewSignature& signature,
                                       std::string_view token_hash, std::int64_t token_expires_at,
                                       std::int64_t resend_after_s) {
    auto& insert = db.prepare(
        "INSERT INTO signatures (petition_id, state, name, name_normalised, email, "
        "email_canonical, email_domain, postcode, region, comment, public_name, language, "
        "terms_version, privacy_version, accepted_at, newsletter_at, ip, created_at, "
        "last_mail_at, updates_at, consent_version) VALUES (?1, ?17, ?2, ?3, ?4, ?5, ?6, ?7, "
        "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?14, ?14, ?18, ?19)");
    insert.bind(1, signature.petition_id).bind(2, signature.name);
    insert.bind(3, signature.name_normalised).bind(4, signature.email);
    insert.bind(5, signature.email_canonical).bind(6, signature.email_domain);
    if (signature.postcode) insert.bind(7, std::string_view(*signature.postcode));
    if (signature.region) insert.bind(8, std::string_view(*signature.region));
    insert.bind(9, signature.comment).bind(10, std::int64_t{signature.public_name ? 1 : 0});
    insert.bind(11, signature.language).bind(12, signature.terms_version);
    insert.bind(13, signature.privacy_version).bind(14, signature.now);
    insert.bind(15,
                signature.newsletter ? std::optional<std::int64_t>(signature.now) : std::nullopt);
    insert.bind(16, signature.ip);
    insert.bind(18, signature.updates ? std::optional<std::int64_t>(signature.now) : std::nullopt);
    insert.bind(19, signature.consent_version);
    insert.bind(
        17, to_string(signature.state == SignatureState::quarantined ? SignatureState::quarantined
                                                                     : SignatureState::pending));
    if (auto inserted = insert.run(); !inserted) {
        if (inserted.error().code == StoreError::duplicate)
            return record_duplicate(db, signature, token_hash, token_expires_at, resend_after_s);
        return inserted.error();
    }
    const auto id = db.last_insert_id();
    if (auto stored = store_token(db, id, token_hash, signature.now, token_expires_at); !stored)
        return stored.error();
    return SigningRecord{SigningRecord::Kind::created, id};
}

std::optional<LinkedSignature> find_by_token(Database& db, std::string_view token_hash,
                                             std::int64_t now) {
    auto& select = db.prepare(
        "SELECT s.id, s.petition_id, s.state, s.created_at, s.email_domain, s.name_normalised "
        "FROM signature_tokens t JOIN signatures s ON s.id = t.signature_id "
        "WHERE t.token_hash = ?1 AND t.expires_at > ?2");
    select.bind(1, token_hash).bind(2, now);
    std::optional<LinkedSignature> linked;
    if (select.step()) linked = read_linked(select);
    select.reset();
    return linked;
}

Result<LinkedSignature> confirm_signature(Database& db, std::string_view token_hash,
                                          std::int64_t now, bool quarantine) {
    auto linked = link_or_error(db, token_hash, now);
    if (!linked) return linked;
    switch (linked->state) {
        case SignatureState::withdrawn:
        case SignatureState::invalidated:
            return make_error(signatures::SignatureError::withdrawn,
                              "this signature was withdrawn");
        case SignatureState::confirmed:
            return linked;  // a second click changes nothing
        case SignatureState::quarantined: {
            auto& update = db.prepare(
                "UPDATE signatures SET confirmed_at = ?1 WHERE id = ?2 AND confirmed_at IS NULL");
            update.bind(1, now).bind(2, linked->signature_id);
            if (auto updated = update.run(); !updated) return updated.error();
            linked->changed = db.changes() > 0;
            break;
        }
        case SignatureState::pending:
            if (auto updated =
                    set_state(db, linked->signature_id,
                              quarantine ? SignatureState::quarantined : SignatureState::confirmed,
                              "confirmed_at", now);
                !updated)
                return updated.error();
            linked->state = quarantine ? SignatureState::quarantined : SignatureState::confirmed;
            linked->changed = true;
            break;
    }
    auto& keep = db.prepare("UPDATE signature_tokens SET expires_at = ?1 WHERE signature_id = ?2");
    keep.bind(1, never).bind(2, linked->signature_id);
    if (auto kept = keep.run(); !kept) return kept.error();
    return linked;
}

Result<LinkedSignature> withdraw_signature(Database& db, std::string_view token_hash,
                                           std::int64_t now) {
    auto linked = link_or_error(db, token_hash, now);
    if (!linked) return linked;
    if (linked->state == SignatureState::withdrawn) return linked;
    if (linked->state == SignatureState::invalidated)
        return make_error(signatures::SignatureError::withdrawn,
                          "this signature was already set aside");
    if (auto updated =
            set_state(db, linked->signature_id, SignatureState::withdrawn, "withdrawn_at", now);
        !updated)
        return updated.error();
    linked->changed = true;
    return linked;
}

std::int64_t count_signatures(Database& db, std::int64_t petition_id,
                              signatures::SignatureState state) {
    auto& select =
        db.prepare("SELECT count FROM signature_counts WHERE petition_id = ?1 AND state = ?2");
    select.bind(1, petition_id).bind(2, to_string(state));
    const std::int64_t count = select.step() ? select.column_int(0) : 0;
    select.reset();
    return count;
}

std::array<std::int64_t, 5> count_signatures_by_state(Database& db) {
    std::array<std::int64_t, 5> counts{};
    auto& select = db.prepare("SELECT state, SUM(count) FROM signature_counts GROUP BY state");
    while (select.step())
        if (const auto state = signatures::parse_signature_state(select.column_text(0)))
            counts[static_cast<std::size_t>(*state)] = select.column_int(1);
    select.reset();
    return counts;
}

}  // namespace rempart::store
