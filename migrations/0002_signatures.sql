-- Signatures, their confirmation links, signing events and the outbox. Released: never edit.

-- One row a signing. Only 'confirmed' counts; 'quarantined' and 'invalidated' never count;
-- 'withdrawn' stops counting at once. Name and comment are kept as typed (cleaned) for
-- display and hand-over; their normalised forms serve duplicate and cluster detection.
CREATE TABLE signatures (
    id               INTEGER PRIMARY KEY,
    petition_id      INTEGER NOT NULL REFERENCES petitions(id),
    state            TEXT    NOT NULL CHECK (state IN
                         ('pending', 'confirmed', 'quarantined', 'invalidated', 'withdrawn')),
    name             TEXT    NOT NULL,
    name_normalised  TEXT    NOT NULL,
    email            TEXT    NOT NULL,  -- as typed, where the mail goes
    email_canonical  TEXT    NOT NULL,  -- one mailbox, one form: duplicates only
    email_domain     TEXT    NOT NULL,  -- ASCII (A-labels)
    postcode         TEXT,
    region           TEXT,              -- département from the postcode
    comment          TEXT    NOT NULL DEFAULT '',
    public_name      INTEGER NOT NULL CHECK (public_name IN (0, 1)),
    language         TEXT    NOT NULL,
    terms_version    TEXT    NOT NULL,
    privacy_version  TEXT    NOT NULL,
    accepted_at      INTEGER NOT NULL,  -- Unix seconds the terms were accepted
    newsletter_at    INTEGER,           -- consent to news, only when ticked
    ip               TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    confirmed_at     INTEGER,
    withdrawn_at     INTEGER,
    last_mail_at     INTEGER NOT NULL   -- the confirmation mail goes again at most hourly
);
-- One active signature per mailbox and petition; withdrawn or invalidated ones may sign again.
CREATE UNIQUE INDEX signatures_one_per_mailbox ON signatures (petition_id, email_canonical)
    WHERE state IN ('pending', 'confirmed', 'quarantined');
CREATE INDEX signatures_by_petition_state ON signatures (petition_id, state);
CREATE INDEX signatures_pending_since ON signatures (created_at) WHERE state = 'pending';

-- Confirmation links: only a hash is kept, so a copy of the database confirms nothing.
CREATE TABLE signature_tokens (
    token_hash   TEXT    PRIMARY KEY,  -- hex SHA-256 of the token
    signature_id INTEGER NOT NULL REFERENCES signatures(id),
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX signature_tokens_by_signature ON signature_tokens (signature_id);

-- Counts by petition and state, kept by triggers: pages and the API read one row, never
-- count a million signatures.
CREATE TABLE signature_counts (
    petition_id INTEGER NOT NULL REFERENCES petitions(id),
    state       TEXT    NOT NULL,
    count       INTEGER NOT NULL,
    PRIMARY KEY (petition_id, state)
) WITHOUT ROWID;
-- Confirmed signatures by département, for signatures_by_region.
CREATE TABLE region_counts (
    petition_id INTEGER NOT NULL REFERENCES petitions(id),
    region      TEXT    NOT NULL,
    count       INTEGER NOT NULL,
    PRIMARY KEY (petition_id, region)
) WITHOUT ROWID;

CREATE TRIGGER signatures_counted_on_insert AFTER INSERT ON signatures BEGIN
    INSERT INTO signature_counts (petition_id, state, count) VALUES (NEW.petition_id, NEW.state, 1)
        ON CONFLICT (petition_id, state) DO UPDATE SET count = count + 1;
    INSERT INTO region_counts (petition_id, region, count)
        SELECT NEW.petition_id, NEW.region, 1 WHERE NEW.state = 'confirmed' AND NEW.region IS NOT NULL
        ON CONFLICT (petition_id, region) DO UPDATE SET count = count + 1;
END;
CREATE TRIGGER signatures_counted_on_state AFTER UPDATE OF state ON signatures
    WHEN OLD.state <> NEW.state BEGIN
    UPDATE signature_counts SET count = count - 1
        WHERE petition_id = OLD.petition_id AND state = OLD.state;
    INSERT INTO signature_counts (petition_id, state, count) VALUES (NEW.petition_id, NEW.state, 1)
        ON CONFLICT (petition_id, state) DO UPDATE SET count = count + 1;
    UPDATE region_counts SET count = count - 1
        WHERE OLD.state = 'confirmed' AND petition_id = OLD.petition_id AND region = OLD.region;
    INSERT INTO region_counts (petition_id, region, count)
        SELECT NEW.petition_id, NEW.region, 1 WHERE NEW.state = 'confirmed' AND NEW.region IS NOT NULL
        ON CONFLICT (petition_id, region) DO UPDATE SET count = count + 1;
END;

-- Every signing attempt, accepted or refused, and every confirmation and withdrawal: what
-- the defence engine reads. Names and comments appear only as keyed hashes.
CREATE TABLE signing_events (
    id               INTEGER PRIMARY KEY,
    at_ms            INTEGER NOT NULL,  -- Unix milliseconds
    kind             TEXT    NOT NULL CHECK (kind IN ('attempt', 'confirmation', 'withdrawal')),
    petition_id      INTEGER REFERENCES petitions(id),
    signature_id     INTEGER REFERENCES signatures(id),
    verdict          TEXT    NOT NULL,
    ip               TEXT    NOT NULL,
    network          TEXT    NOT NULL,  -- IPv4 /24, IPv6 /64
    asn              INTEGER,
    email_domain     TEXT,
    name_key         TEXT,
    comment_key      TEXT,
    user_agent       TEXT    NOT NULL DEFAULT '',
    pow_difficulty   INTEGER,
    pow_verdict      TEXT,
    seconds_after_signing INTEGER      -- confirmations: how long after the signature
);
CREATE INDEX signing_events_by_petition ON signing_events (petition_id, at_ms);

-- Every e-mail goes through here first, in the transaction that made it, so none is lost
-- on a crash or while the mail server is down. A sent message's body is emptied: it held
-- a confirmation link.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    purpose         TEXT    NOT NULL,   -- 'confirmation', 'alert'
    envelope_from   TEXT    NOT NULL,
    envelope_to     TEXT    NOT NULL,
    message         TEXT    NOT NULL,   -- RFC 5322, CRLF line ends
    state           TEXT    NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state = 'queued';

-- A petition may require a postcode, to count its signatures by area.
ALTER TABLE petitions ADD COLUMN postcode_required INTEGER NOT NULL DEFAULT 0
    CHECK (postcode_required IN (0, 1));
