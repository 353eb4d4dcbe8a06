-- An incident is one attack on one petition; every value that stood out in it is a cluster,
-- with its own quarantine, bans and decision. Released: never edit.
CREATE TABLE incident_clusters (
    id                  INTEGER PRIMARY KEY,
    incident_id         INTEGER NOT NULL REFERENCES incidents(id),
    dimension           TEXT    NOT NULL,  -- name, comment, email_domain, network, as, user_agent
    key_value           TEXT    NOT NULL,  -- as the events hold it ("as:64500" for an AS)
    attempts_in_window  INTEGER NOT NULL,
    window_total        INTEGER NOT NULL,
    distinct_networks   INTEGER NOT NULL,
    first_attempt_ms    INTEGER NOT NULL,
    detected_ms         INTEGER NOT NULL,
    contained_ms        INTEGER NOT NULL,  -- when its quarantine was committed
    held_until_ms       INTEGER NOT NULL,  -- new attempts with the key start quarantined until then
    state               TEXT    NOT NULL CHECK (state IN ('open', 'invalidated', 'released')),
    decided_ms          INTEGER,
    decided_by          TEXT               -- who invalidated or released it
);
CREATE INDEX incident_clusters_by_incident ON incident_clusters (incident_id);

-- Which cluster set each signature aside: a release gives back exactly these, and not one
-- that another open cluster still holds.
CREATE TABLE quarantine_holds (
    signature_id INTEGER NOT NULL REFERENCES signatures(id),
    cluster_id   INTEGER NOT NULL REFERENCES incident_clusters(id),
    PRIMARY KEY (cluster_id, signature_id)
) WITHOUT ROWID;
CREATE INDEX quarantine_holds_by_signature ON quarantine_holds (signature_id);

-- Networks and ASes refused for a while because an attack came from them.
CREATE TABLE bans (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER REFERENCES incidents(id),  -- null when a moderator banned by hand
    kind        TEXT    NOT NULL CHECK (kind IN ('network', 'as')),
    value       TEXT    NOT NULL,                  -- "192.0.2.0/24", "as:64500"
    from_ms     INTEGER NOT NULL,
    until_ms    INTEGER NOT NULL,
    lifted_ms   INTEGER,                           -- lifted early by a moderator
    reason      TEXT    NOT NULL
);
CREATE INDEX bans_by_end ON bans (until_ms) WHERE lifted_ms IS NULL;
