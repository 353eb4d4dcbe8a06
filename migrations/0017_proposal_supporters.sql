-- A proposal may first need supporters who confirm by mail, as e-petitions' sponsors do:
-- `supporters_needed` is the site's setting when the author confirmed, so that changing it
-- never strands a proposal. Released: never edit, add a new file.
ALTER TABLE submissions ADD COLUMN supporters_needed INTEGER NOT NULL DEFAULT 0
    CHECK (supporters_needed >= 0);

-- One support a mailbox (its canonical form): the name and the address are kept only to
-- tell a second support from the same person, and are erased once the proposal reaches the
-- queue; the row stays, to count.
CREATE TABLE proposal_supporters (
    id           INTEGER PRIMARY KEY,
    petition_id  INTEGER NOT NULL REFERENCES petitions(id),
    name         TEXT    NOT NULL,
    mailbox      TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,  -- SHA-256 of the confirmation link's token
    supported_at INTEGER NOT NULL,
    confirmed_at INTEGER,
    UNIQUE (petition_id, mailbox)
);
