-- Defence precision: what made an attempt look automated, the values the defence only
-- watches, why a cluster acted, and the values an organiser trusts. Released: never edit.

-- An attempt's strongest sign of automation (hosting, unlisted, robot, instant), or null:
-- the key a cluster of scripted attempts is held by.
ALTER TABLE signing_events ADD COLUMN automation TEXT;

-- Why a cluster acted by itself: one sentence a line, as the incident page shows them.
ALTER TABLE incident_clusters ADD COLUMN evidence TEXT NOT NULL DEFAULT '';

-- A value that repeats without any sign of automation: shown to the moderators, nothing
-- set aside. It becomes an incident by itself if the evidence converges later.
CREATE TABLE watches (
    id                  INTEGER PRIMARY KEY,
    petition_id         INTEGER NOT NULL REFERENCES petitions(id),
    dimension           TEXT    NOT NULL,
    key_value           TEXT    NOT NULL,
    attempts_in_window  INTEGER NOT NULL,
    window_total        INTEGER NOT NULL,
    distinct_networks   INTEGER NOT NULL,
    first_attempt_ms    INTEGER NOT NULL,
    opened_ms           INTEGER NOT NULL,
    updated_ms          INTEGER NOT NULL,
    evidence            TEXT    NOT NULL DEFAULT '',  -- what was seen, one sentence a line
    state               TEXT    NOT NULL
        CHECK (state IN ('open', 'escalated', 'dismissed', 'invalidated')),
    incident_id         INTEGER REFERENCES incidents(id),  -- once escalated
    decided_ms          INTEGER,
    decided_by          TEXT
);
CREATE INDEX watches_by_petition ON watches (petition_id, opened_ms);
CREATE INDEX watches_open ON watches (state) WHERE state = 'open';

-- Mail domains and networks an organiser vouches for (the association's own domain, a
-- campus): they never make a cluster on their own. No petition: the whole site.
CREATE TABLE trusted_values (
    id          INTEGER PRIMARY KEY,
    petition_id INTEGER REFERENCES petitions(id),
    kind        TEXT    NOT NULL CHECK (kind IN ('email_domain', 'network')),
    value       TEXT    NOT NULL,  -- "amis-du-bocage.fr", "193.48.0.0/16"
    note        TEXT    NOT NULL DEFAULT '',
    added_ms    INTEGER NOT NULL,
    added_by    TEXT    NOT NULL
);
CREATE UNIQUE INDEX trusted_values_once ON trusted_values (ifnull(petition_id, 0), kind, value);
