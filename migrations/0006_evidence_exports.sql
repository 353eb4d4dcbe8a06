-- Every evidence file exported for an incident, with its checksum: the organiser can show
-- which file went to whom and when, and anyone can check a copy against it. Released: never edit.
CREATE TABLE evidence_exports (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents(id),
    format      TEXT    NOT NULL CHECK (format IN ('json', 'csv')),
    sha256      TEXT    NOT NULL CHECK (length(sha256) = 64),  -- lowercase hex
    size_bytes  INTEGER NOT NULL CHECK (size_bytes >= 0),
    format_version INTEGER NOT NULL,  -- the files' layout version
    exported_ms INTEGER NOT NULL,     -- the export's time lives here, never in the file
    exported_by TEXT    NOT NULL      -- 'cli', or the back-office user
);
CREATE INDEX evidence_exports_by_incident ON evidence_exports (incident_id, exported_ms);
