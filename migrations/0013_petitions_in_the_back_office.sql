-- The organiser's back office: petitions start as drafts, end on a date, name their
-- target and keep every correction; accounts may be organisers. Released: never edit, add
-- a new file. SQLite cannot change a CHECK in place, so both tables are rebuilt (the
-- migration runs with foreign keys off and checks them before it commits).
CREATE TABLE petitions_new (
    id                INTEGER PRIMARY KEY,
    slug              TEXT    NOT NULL UNIQUE,
    title             TEXT    NOT NULL,
    summary           TEXT    NOT NULL DEFAULT '',
    body_markdown     TEXT    NOT NULL,
    goal              INTEGER CHECK (goal IS NULL OR goal > 0),
    state             TEXT    NOT NULL
                      CHECK (state IN ('draft', 'published', 'closed', 'archived')),
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
    edited_at         INTEGER   -- the last correction after publication
);
INSERT INTO petitions_new (id, slug, title, summary, body_markdown, goal, state, created_at,
                           updated_at, postcode_required, published_at, closed_at)
    SELECT id, slug, title, summary, body_markdown, goal, state, created_at, updated_at,
           postcode_required, created_at,
           CASE state WHEN 'closed' THEN updated_at END
    FROM petitions;
DROP TABLE petitions;
ALTER TABLE petitions_new RENAME TO petitions;
CREATE INDEX petitions_ending ON petitions (ends_at) WHERE state = 'published';

-- Every change to a petition's fields, one row a field: who, when, what it was and became.
-- `public` marks the changes made after publication, which the petition's page lists.
CREATE TABLE petition_changes (
    id          INTEGER PRIMARY KEY,
    petition_id INTEGER NOT NULL REFERENCES petitions(id),
    at          INTEGER NOT NULL,  -- Unix seconds
    user_id     INTEGER REFERENCES users(id),
    actor       TEXT    NOT NULL,  -- the account's e-mail, or "cli"
    field       TEXT    NOT NULL,
    before      TEXT    NOT NULL,
    after       TEXT    NOT NULL,
    public      INTEGER NOT NULL
);
CREATE INDEX petition_changes_by_petition ON petition_changes (petition_id, at);

-- "Keep me informed about this petition", apart from the association's newsletter: each
-- consent is kept with its time and the version of the words the signer ticked.
ALTER TABLE signatures ADD COLUMN updates_at INTEGER;
ALTER TABLE signatures ADD COLUMN consent_version TEXT NOT NULL DEFAULT '';

-- The latest signers who chose to show their name, for the petition's page: the partial
-- index holds only them, so signing without a public name costs it nothing.
CREATE INDEX signatures_public_latest ON signatures (petition_id, confirmed_at)
    WHERE state = 'confirmed' AND public_name = 1;

-- Each goal a petition reached, once: the organisers hear of it by one mail, and again only
-- for a goal they raise.
CREATE TABLE goal_milestones (
    petition_id INTEGER NOT NULL REFERENCES petitions(id),
    goal        INTEGER NOT NULL,
    reached_at  INTEGER NOT NULL,  -- Unix seconds
    PRIMARY KEY (petition_id, goal)
) WITHOUT ROWID;

CREATE TABLE users_new (
    id                   INTEGER PRIMARY KEY,
    email                TEXT    NOT NULL UNIQUE,
    role                 TEXT    NOT NULL CHECK (role IN ('admin', 'moderator', 'organiser')),
    password_hash        TEXT    NOT NULL,
    must_change_password INTEGER NOT NULL DEFAULT 1,
    totp_secret          TEXT,
    totp_last_step       INTEGER,
    created_ms           INTEGER NOT NULL,
    disabled_ms          INTEGER
);
INSERT INTO users_new SELECT id, email, role, password_hash, must_change_password, totp_secret,
                             totp_last_step, created_ms, disabled_ms FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
