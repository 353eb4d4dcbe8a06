-- What the site keeps of people, for how long ([retention]), and the signers' own links to
-- it (/my-data). Released: never edit.
-- A signature erased (unconfirmed past its time) leaves the counts as if it never was.
CREATE TRIGGER signatures_counted_on_delete AFTER DELETE ON signatures BEGIN
    UPDATE signature_counts SET count = count - 1
        WHERE petition_id = OLD.petition_id AND state = OLD.state;
    UPDATE region_counts SET count = count - 1
        WHERE OLD.state = 'confirmed' AND petition_id = OLD.petition_id AND region = OLD.region;
END;
-- The signature's data replaced, its counts (and its département's) kept.
ALTER TABLE signatures ADD COLUMN anonymised_at INTEGER;
-- An admin keeps a closed petition's signatures as they are while a court case needs them.
ALTER TABLE petitions ADD COLUMN legal_hold INTEGER NOT NULL DEFAULT 0
    CHECK (legal_hold IN (0, 1));
-- How far anonymisation has walked the signatures (by id) once the petition closed: each
-- batch goes on from there instead of reading again what it already did.
ALTER TABLE petitions ADD COLUMN anonymised_through INTEGER NOT NULL DEFAULT 0;
-- Erasing a signature checks the mails that name it: without an index, each erased row
-- would read the whole outbox.
CREATE INDEX outbox_by_signature ON outbox (signature_id) WHERE signature_id IS NOT NULL;
-- The few events with no petition, for their own pruning.
CREATE INDEX signing_events_without_petition ON signing_events (at_ms) WHERE petition_id IS NULL;
-- A signer's link to their own data (/my-data): only its hash, the mailbox it opens (in its
-- canonical form, as signatures keep it), until when and how many more times it serves.
CREATE TABLE data_links (
    token_hash TEXT    PRIMARY KEY,
    mailbox    TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    uses_left  INTEGER NOT NULL
) WITHOUT ROWID;
-- Where each retention rule that walks a table by id stopped, so that a restart goes on
-- from there.
CREATE TABLE retention_cursors (
    name  TEXT    PRIMARY KEY,
    after INTEGER NOT NULL
) WITHOUT ROWID;
