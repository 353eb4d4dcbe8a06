-- The back office: accounts, their sessions, and the audit log of what they did.
CREATE TABLE users (
    id                   INTEGER PRIMARY KEY,
    email                TEXT    NOT NULL UNIQUE,  -- lowercase, domain in A-labels
    role                 TEXT    NOT NULL CHECK (role IN ('admin', 'moderator')),
    password_hash        TEXT    NOT NULL,         -- argon2id, PHC string
    must_change_password INTEGER NOT NULL DEFAULT 1,  -- set by a one-time password
    totp_secret          TEXT,                     -- base32; NULL: no second factor
    totp_last_step       INTEGER,                  -- the last 30 s step used, against replays
    created_ms           INTEGER NOT NULL,
    disabled_ms          INTEGER
);

-- Only the SHA-256 of a session's cookie is kept: a copy of the database logs nobody in.
CREATE TABLE sessions (
    token_hash   TEXT    PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id),
    csrf_token   TEXT    NOT NULL,  -- written into this session's forms, checked on its POSTs
    created_ms   INTEGER NOT NULL,
    last_seen_ms INTEGER NOT NULL,
    expires_ms   INTEGER NOT NULL,  -- the absolute end; the idle end follows last_seen_ms
    ip           TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Who did what, from the web or the command line. Never updated, never deleted by Rempart.
CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at_ms   INTEGER NOT NULL,
    user_id INTEGER REFERENCES users(id),  -- NULL: nobody logged in (a failed login, the CLI)
    actor   TEXT    NOT NULL,              -- the account's e-mail, or "cli"
    action  TEXT    NOT NULL,              -- login_ok, login_failed, logout, password_changed, ...
    detail  TEXT    NOT NULL,
    ip      TEXT    NOT NULL               -- empty from the command line
);
CREATE INDEX audit_log_by_time ON audit_log (at_ms);
