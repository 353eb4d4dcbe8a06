// The writes of a petition's news with their audit entry, for every page that takes them.
#include "store/news_steps.hpp"

#include "petitions/errors.hpp"
#include "store/news_repository.hpp"
#include "store/outbox_repository.hpp"
#include "store/petition_repository.hpp"

namespace rempart::store {

Result<News> write_news_once(Database& db, std::int64_t petition_id, const NewsDraft& draft,
                             std::string_view author, std::int64_t now, AuditEntry entry) {
    constexpr std::int64_t double_click_s = 600;
    const auto all = list_news(db, petition_id);
    if (!all.empty()) {
        const auto& last = all.front();
        if (last.sending == NewsSending::draft && last.author == author &&
            last.subject == draft.subject && last.body_markdown == draft.body_markdown &&
            last.kind == draft.kind && now - last.created_at < double_click_s)
            return last;
    }
    auto news = insert_news(db, petition_id, draft, author, now);
    if (!news) return news;
    entry.detail += ", news " + std::to_string(news->number);
    if (auto audited = insert_audit(db, entry); !audited) return audited.error();
    return news;
}

Result<News> take_news_step(Database& db, std::int64_t petition_id, std::int64_t number,
                            NewsStep step, std::int64_t now, const AuditEntry& entry) {
    Result<News> moved = make_error(PetitionError::news_not_found, "");
    switch (step) {
        case NewsStep::send:
            moved = start_sending(db, petition_id, number, now);
            if (moved && moved->kind == NewsKind::victory)
                if (auto won = mark_petition_won(db, petition_id, now); !won) return won.error();
            break;
        case NewsStep::pause:
            moved = pause_sending(db, petition_id, number);
            break;
        case NewsStep::resume:
            moved = resume_sending(db, petition_id, number);
            break;
    }
    if (!moved) return moved;
    if (auto audited = insert_audit(db, entry); !audited) return audited.error();
    return moved;
}

Result<void> queue_news_test(Database& db, const MailToQueue& mail, std::int64_t now,
                             const AuditEntry& entry) {
    if (auto queued = enqueue_mail(db, mail.purpose, mail.from, mail.to, mail.message, now);
        !queued)
        return queued.error();
    return insert_audit(db, entry);
}

Result<void> renew_answer_key(Database& db, std::int64_t petition_id, std::string_view key,
                              const std::optional<MailToQueue>& mail, std::int64_t now,
                              const AuditEntry& entry) {
    if (auto set = set_answer_key(db, petition_id, key); !set) return set.error();
    if (mail)
        if (auto queued = enqueue_mail(db, mail->purpose, mail->from, mail->to, mail->message, now);
            !queued)
            return queued.error();
    return insert_audit(db, entry);
}

}  // namespace rempart::store
