-- The association's newsletter as a consent of its own: asked by a box on the signing form,
-- given by a second confirmation, kept with the words the person agreed to, and ended by
-- them or by three years without a real action; and removed petitions given the moment
-- they stopped collecting, for [retention]. Released: never edit.

-- The words a consent page showed, by their version (a hash of them): the proof says what
-- the person read, even after the words changed.
CREATE TABLE consent_wordings (
    version  TEXT    PRIMARY KEY,
    language TEXT    NOT NULL,
    words    TEXT    NOT NULL,
    first_at INTEGER NOT NULL
) WITHOUT ROWID;

-- One row a mailbox's subscription. `email` and `mailbox` are emptied once it ends: what
-- stays is when it was asked, given and ended, never who.
CREATE TABLE newsletter_subscribers (
    id             INTEGER PRIMARY KEY,
    email          TEXT,              -- as typed, where the mail goes
    mailbox        TEXT,              -- canonical form, as signatures keep it
    language       TEXT    NOT NULL,
    state          TEXT    NOT NULL CHECK (state IN ('pending', 'subscribed', 'left', 'expired')),
    asked_at       INTEGER NOT NULL,  -- the signature whose box was ticked was confirmed
    asked_on       INTEGER REFERENCES petitions(id),
    asked_words    TEXT    NOT NULL,  -- the signing form's consent_version
    confirmed_at   INTEGER,
    confirmed_from TEXT,              -- the network the confirmation came from (/24, /48)
    words          TEXT    REFERENCES consent_wordings(version),
    last_action_at INTEGER NOT NULL,  -- asked, confirmed, or another signature confirmed
    ended_at       INTEGER,
    ended_how      TEXT,              -- 'link', 'one_click', 'my_data', 'expired'
    CHECK ((state IN ('pending', 'subscribed')) = (mailbox IS NOT NULL))
);
CREATE UNIQUE INDEX newsletter_by_mailbox ON newsletter_subscribers (mailbox)
    WHERE mailbox IS NOT NULL;
CREATE INDEX newsletter_by_state ON newsletter_subscribers (state, last_action_at);

-- The mail asking for the second confirmation, composed as it leaves.
ALTER TABLE outbox ADD COLUMN newsletter_id INTEGER REFERENCES newsletter_subscribers(id);

-- A petition taken down stopped collecting then: its signatures are anonymised after
-- after_close_days, as a closed petition's are.
UPDATE petitions SET closed_at = (SELECT t.at FROM take_downs t WHERE t.petition_id = petitions.id)
    WHERE state = 'removed' AND closed_at IS NULL;
