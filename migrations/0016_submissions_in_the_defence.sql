-- Proposals and reports pass through the defence as signatures do. An incident is about one
-- subject; only one about signatures names a petition, since a flood of proposals or of
-- reports is watched across the whole site. Released: never edit, add a new file.
CREATE TABLE incidents_new (
    id                  INTEGER PRIMARY KEY,
    subject             TEXT    NOT NULL DEFAULT 'signatures'
                        CHECK (subject IN ('signatures', 'proposals', 'reports')),
    petition_id         INTEGER REFERENCES petitions(id),
    state               TEXT    NOT NULL CHECK (state IN ('open', 'invalidated', 'released')),
    dimension           TEXT    NOT NULL,
    key_value           TEXT    NOT NULL,
    attempts_in_window  INTEGER NOT NULL,
    window_total        INTEGER NOT NULL,
    distinct_networks   INTEGER NOT NULL,
    first_attempt_ms    INTEGER NOT NULL,
    opened_ms           INTEGER NOT NULL,
    quarantined         INTEGER NOT NULL DEFAULT 0,  -- signatures, proposals or reports
    CHECK ((subject = 'signatures') = (petition_id IS NOT NULL))
);
INSERT INTO incidents_new (id, subject, petition_id, state, dimension, key_value,
                           attempts_in_window, window_total, distinct_networks,
                           first_attempt_ms, opened_ms, quarantined)
    SELECT id, 'signatures', petition_id, state, dimension, key_value, attempts_in_window,
           window_total, distinct_networks, first_attempt_ms, opened_ms, quarantined
    FROM incidents;
DROP TABLE incidents;
ALTER TABLE incidents_new RENAME TO incidents;
CREATE INDEX incidents_by_petition ON incidents (petition_id, opened_ms);
CREATE INDEX incidents_by_subject ON incidents (subject, opened_ms);

-- What each proposal and report showed the defence, with the columns signing_events uses
-- for the same keys, so that a cluster's dimension names one column in either.
CREATE TABLE submission_events (
    id             INTEGER PRIMARY KEY,
    at_ms          INTEGER NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('proposal', 'report')),
    petition_id    INTEGER REFERENCES petitions(id),  -- the proposed one, or the reported one
    report_id      INTEGER REFERENCES petition_reports(id),
    verdict        TEXT    NOT NULL,                  -- accepted, quarantined (set aside), duplicate
    ip             TEXT    NOT NULL,
    network        TEXT    NOT NULL,
    asn            INTEGER,
    email_domain   TEXT,                              -- proposals only
    name_key       TEXT,                              -- keyed hash of the author's name
    comment_key    TEXT,                              -- keyed hash of the title or the reason
    user_agent     TEXT    NOT NULL DEFAULT '',
    pow_difficulty INTEGER,
    automation     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX submission_events_by_time ON submission_events (kind, at_ms);
CREATE INDEX submission_events_by_petition ON submission_events (petition_id);
CREATE INDEX submission_events_by_report ON submission_events (report_id)
    WHERE report_id IS NOT NULL;

-- A proposal or a report set aside by a cluster: out of the moderators' queue and counts
-- until the cluster is released. `set_aside_by` stays to say which cluster it was.
ALTER TABLE submissions ADD COLUMN set_aside_by INTEGER REFERENCES incident_clusters(id);
ALTER TABLE submissions ADD COLUMN set_aside INTEGER NOT NULL DEFAULT 0
    CHECK (set_aside IN (0, 1));
ALTER TABLE petition_reports ADD COLUMN set_aside_by INTEGER REFERENCES incident_clusters(id);
ALTER TABLE petition_reports ADD COLUMN set_aside INTEGER NOT NULL DEFAULT 0
    CHECK (set_aside IN (0, 1));
CREATE INDEX submissions_set_aside ON submissions (set_aside_by) WHERE set_aside_by IS NOT NULL;
CREATE INDEX petition_reports_set_aside ON petition_reports (set_aside_by)
    WHERE set_aside_by IS NOT NULL;
