-- What a petition tells its signers who asked to be kept informed: an update, the target's
-- answer, its victory. Each is shown on the petition's page and mailed through the outbox
-- in small batches at a set pace, from a cursor kept here, so a restart resumes the sending
-- where it stopped and a pause holds it. Released: never edit, add a new file.
CREATE TABLE petition_news (
    id             INTEGER PRIMARY KEY,
    petition_id    INTEGER NOT NULL REFERENCES petitions(id),
    number         INTEGER NOT NULL,  -- 1, 2... within its petition: /updates/{number}
    kind           TEXT    NOT NULL CHECK (kind IN ('update', 'answer', 'victory')),
    subject        TEXT    NOT NULL,
    body_markdown  TEXT    NOT NULL,
    author         TEXT    NOT NULL,  -- the account's e-mail, or "target" for its own answer
    created_at     INTEGER NOT NULL,  -- Unix seconds
    sending        TEXT    NOT NULL DEFAULT 'draft'
                   CHECK (sending IN ('draft', 'sending', 'paused', 'sent')),
    published_at   INTEGER,           -- on the petition's page from then; NULL: not yet
    recipients     INTEGER NOT NULL DEFAULT 0,  -- opted-in signers when the sending started
    queued         INTEGER NOT NULL DEFAULT 0,  -- mails written to the outbox so far
    queued_through INTEGER NOT NULL DEFAULT 0,  -- the last signature queued: where it resumes
    UNIQUE (petition_id, number)
);

-- A news mail is queued as its parts (the news, the signature) and composed as it leaves,
-- with the signer's own unsubscribe link.
ALTER TABLE outbox ADD COLUMN news_id INTEGER REFERENCES petition_news(id);
CREATE INDEX outbox_by_news ON outbox (news_id, state) WHERE news_id IS NOT NULL;

-- A signer who asked to hear no more: the consent's time stays, as its proof.
ALTER TABLE signatures ADD COLUMN updates_left_at INTEGER;
-- Only signers who ticked the box, so signing without it costs this index nothing.
CREATE INDEX signatures_keep_informed ON signatures (petition_id, id) WHERE updates_at IS NOT NULL;

-- The organiser marked the petition won; its text is the victory's news.
ALTER TABLE petitions ADD COLUMN won_at INTEGER;
-- The target answers through a private link mailed to them: only its SHA-256 is kept.
ALTER TABLE petitions ADD COLUMN answer_key TEXT;
