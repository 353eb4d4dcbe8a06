-- Settings changed from the back office that must outlive a restart (the under-attack
-- gate's mode), each with who set it and when. Released: never edit.
CREATE TABLE site_settings (
    name       TEXT    PRIMARY KEY,
    value      TEXT    NOT NULL,
    updated_ms INTEGER NOT NULL,
    updated_by TEXT    NOT NULL  -- the back-office user's e-mail, or 'cli'
);
