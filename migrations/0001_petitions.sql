-- Petitions: what they ask and where they stand. Released: never edit, add a new file.
CREATE TABLE petitions (
    id            INTEGER PRIMARY KEY,
    slug          TEXT    NOT NULL UNIQUE,
    title         TEXT    NOT NULL,
    summary       TEXT    NOT NULL DEFAULT '',
    body_markdown TEXT    NOT NULL,
    goal          INTEGER CHECK (goal IS NULL OR goal > 0),
    state         TEXT    NOT NULL CHECK (state IN ('published', 'closed')),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
