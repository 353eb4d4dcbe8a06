-- Incidents the defence opens by itself, and every action taken in them. Released: never edit.
CREATE TABLE incidents (
    id                  INTEGER PRIMARY KEY,
    petition_id         INTEGER NOT NULL REFERENCES petitions(id),
    state               TEXT    NOT NULL CHECK (state IN ('open', 'invalidated', 'released')),
    dimension           TEXT    NOT NULL,  -- name, comment, email_domain, network, as, user_agent
    key_value           TEXT    NOT NULL,  -- the value that stood out (a keyed hash for names)
    attempts_in_window  INTEGER NOT NULL,
    window_total        INTEGER NOT NULL,
    distinct_networks   INTEGER NOT NULL,
    first_attempt_ms    INTEGER NOT NULL,  -- the cluster's first attempt in the window
    opened_ms           INTEGER NOT NULL,
    quarantined         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incidents_by_petition ON incidents (petition_id, opened_ms);

-- What was done and why; an action that expires says until when.
CREATE TABLE incident_actions (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents(id),
    at_ms       INTEGER NOT NULL,
    action      TEXT    NOT NULL,  -- opened, quarantined, difficulty_raised, alert_mailed
    detail      TEXT    NOT NULL,
    until_ms    INTEGER
);

-- Which signature each accepted attempt made, to find a cluster's signatures again.
CREATE INDEX signing_events_by_signature ON signing_events (signature_id)
    WHERE signature_id IS NOT NULL;
