-- Petitions proposed on the web: they wait for a moderator as `pending`, and a decision
-- leaves them `published`, `rejected` or later `removed`. Released: never edit, add a new
-- file. SQLite cannot change a CHECK in place, so the table is rebuilt (the migration runs
-- with foreign keys off and checks them before it commits).
CREATE TABLE petitions_new (
    id                INTEGER PRIMARY KEY,
    slug              TEXT    NOT NULL UNIQUE,
    title             TEXT    NOT NULL,
    summary           TEXT    NOT NULL DEFAULT '',
    body_markdown     TEXT    NOT NULL,
    goal              INTEGER CHECK (goal IS NULL OR goal > 0),
    state             TEXT    NOT NULL
                      CHECK (state IN ('draft', 'pending', 'published', 'closed', 'archived',
                                       'rejected', 'removed')),
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    postcode_required INTEGER NOT NULL DEFAULT 0,
    target_name       TEXT    NOT NULL DEFAULT '',
    target_function   TEXT    NOT NULL DEFAULT '',
    target_email      TEXT    NOT NULL DEFAULT '',  -- never shown on the site
    ends_at           INTEGER,                      -- Unix seconds; NULL: no end date
    language          TEXT    NOT NULL DEFAULT 'fr',
    preview_key       TEXT,     -- SHA-256 of a draft's private preview link; NULL once live
    published_at      INTEGER,
    closed_at         INTEGER,
    edited_at         INTEGER,  -- the last correction after publication
    won_at            INTEGER,
    answer_key        TEXT
);
INSERT INTO petitions_new (id, slug, title, summary, body_markdown, goal, state, created_at,
                           updated_at, postcode_required, target_name, target_function,
                           target_email, ends_at, language, preview_key, published_at,
                           closed_at, edited_at, won_at, answer_key)
    SELECT id, slug, title, summary, body_markdown, goal, state, created_at, updated_at,
           postcode_required, target_name, target_function, target_email, ends_at, language,
           preview_key, published_at, closed_at, edited_at, won_at, answer_key
    FROM petitions;
DROP TABLE petitions;
ALTER TABLE petitions_new RENAME TO petitions;
CREATE INDEX petitions_ending ON petitions (ends_at) WHERE state = 'published';

-- Why a moderator refuses a petition: the admins' list. A reason with a `code` and no text
-- of its own speaks the site's words for that code (locales/, "moderation.reason_<code>"),
-- in the reader's language; a `hidden` one is never shown on the petition's page, which then
-- says only that the petition was removed (libel, abuse, advertising).
CREATE TABLE rejection_reasons (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL DEFAULT '',
    label       TEXT    NOT NULL DEFAULT '',  -- what moderators pick from; '' for a code's
    public_text TEXT    NOT NULL DEFAULT '',  -- sent to the author, shown unless hidden
    hidden      INTEGER NOT NULL DEFAULT 0,
    retired_at  INTEGER                       -- no longer offered; past decisions keep it
);
INSERT INTO rejection_reasons (code, hidden) VALUES
    ('duplicate', 0), ('no_action', 0), ('not_our_scope', 0), ('unclear', 0),
    ('personal_data', 0), ('libel', 1), ('abuse', 1), ('advertising', 1);

-- A petition proposed on the web, from its proposal to the moderator's decision. Its author
-- has no account: they hold a private link, a keyed hash of the petition and `link_nonce`
-- under the server's secret (petitions/author_link): the store alone makes no link, and a
-- new nonce stops every older link.
CREATE TABLE submissions (
    petition_id    INTEGER PRIMARY KEY REFERENCES petitions(id),
    author_name    TEXT    NOT NULL,
    author_email   TEXT    NOT NULL,
    author_mailbox TEXT    NOT NULL,  -- the address's canonical form: finds one's proposals
    link_nonce     TEXT    NOT NULL,
    proposed_at    INTEGER NOT NULL,  -- Unix seconds, as every time below
    confirmed_at   INTEGER,           -- the author confirmed by mail; NULL: not yet
    waiting_since  INTEGER,           -- in the queue since; NULL while with its author
    waited         INTEGER NOT NULL DEFAULT 0,  -- seconds in the queue before a return
    returned_at    INTEGER,
    return_note    TEXT    NOT NULL DEFAULT '',  -- the moderator's note to the author
    held_by        INTEGER REFERENCES users(id),
    held_until     INTEGER,
    flagged_by     INTEGER REFERENCES users(id),
    flag_note      TEXT    NOT NULL DEFAULT '',  -- asks for a second opinion while set
    decided_at     INTEGER,
    decided_by     INTEGER REFERENCES users(id),
    reason_id      INTEGER REFERENCES rejection_reasons(id),
    decision_note  TEXT    NOT NULL DEFAULT '',  -- the moderator's words to the author
    lag            INTEGER,  -- seconds from the queue to the decision, time with the author left out
    checks         TEXT    NOT NULL DEFAULT '[]'  -- the automatic checks' flags, JSON
);
-- The queue's order: the longest waiting first, time back with the author left out; read
-- in order, so that its first page costs the same with ten proposals waiting or ten thousand.
CREATE INDEX submissions_queue ON submissions (waiting_since - waited, petition_id)
    WHERE waiting_since IS NOT NULL AND decided_at IS NULL;
CREATE INDEX submissions_by_mailbox ON submissions (author_mailbox);
CREATE INDEX submissions_decided ON submissions (decided_at) WHERE decided_at IS NOT NULL;

-- What visitors report about a petition: each report waits for a moderator, who dismisses
-- the reports or takes the petition down. The reporter's network is kept, never the address.
CREATE TABLE petition_reports (
    id          INTEGER PRIMARY KEY,
    petition_id INTEGER NOT NULL REFERENCES petitions(id),
    at          INTEGER NOT NULL,           -- Unix seconds
    reason      TEXT    NOT NULL,           -- the reporter's words
    network     TEXT    NOT NULL DEFAULT '',  -- IPv4 /24 or IPv6 /48
    handled_at  INTEGER,                    -- dismissed, or the petition taken down
    handled_by  INTEGER REFERENCES users(id)
);
CREATE INDEX petition_reports_open ON petition_reports (petition_id, at) WHERE handled_at IS NULL;

-- A published petition taken down: why, by whom. Its signatures stay (not counted publicly
-- while it is down), and the decision is in the audit log too.
CREATE TABLE take_downs (
    petition_id INTEGER PRIMARY KEY REFERENCES petitions(id),
    at          INTEGER NOT NULL,
    by_user     INTEGER REFERENCES users(id),
    reason_id   INTEGER NOT NULL REFERENCES rejection_reasons(id),
    note        TEXT    NOT NULL DEFAULT ''
);

-- The words of the public petitions' titles and summaries, for "these look close" while a
-- petition is proposed: an index kept by triggers, so that a search reads a few pages
-- whatever the number of petitions, and holds only what a visitor may be shown (a pending
-- proposal or a refused petition is never suggested). Accents and case do not count ("velo"
-- finds "Vélo"). An external-content index must be told exactly what it holds: a row leaves
-- it only if it was in it.
CREATE VIRTUAL TABLE petition_words USING fts5(
    title, summary, content = 'petitions', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO petition_words (rowid, title, summary)
    SELECT id, title, summary FROM petitions WHERE state IN ('published', 'closed');
CREATE TRIGGER petition_words_on_insert AFTER INSERT ON petitions
    WHEN NEW.state IN ('published', 'closed') BEGIN
    INSERT INTO petition_words (rowid, title, summary) VALUES (NEW.id, NEW.title, NEW.summary);
END;
CREATE TRIGGER petition_words_on_update AFTER UPDATE OF title, summary, state ON petitions BEGIN
    INSERT INTO petition_words (petition_words, rowid, title, summary)
        SELECT 'delete', OLD.id, OLD.title, OLD.summary WHERE OLD.state IN ('published', 'closed');
    INSERT INTO petition_words (rowid, title, summary)
        SELECT NEW.id, NEW.title, NEW.summary WHERE NEW.state IN ('published', 'closed');
END;
CREATE TRIGGER petition_words_on_delete AFTER DELETE ON petitions
    WHEN OLD.state IN ('published', 'closed') BEGIN
    INSERT INTO petition_words (petition_words, rowid, title, summary)
        VALUES ('delete', OLD.id, OLD.title, OLD.summary);
END;
