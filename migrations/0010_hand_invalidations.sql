-- Signatures a moderator set aside by hand (/admin/invalidate). A hand decision wins:
-- releasing a cluster that also held one does not give it back. Released: never edit.
CREATE TABLE hand_invalidations (
    signature_id INTEGER PRIMARY KEY REFERENCES signatures(id),
    at_ms        INTEGER NOT NULL
);

-- Those set aside by hand before this table: invalidated, and held by no invalidated
-- cluster (the only other way to become invalidated). Their time is not known.
INSERT INTO hand_invalidations (signature_id, at_ms)
    SELECT s.id, 0 FROM signatures s WHERE s.state = 'invalidated' AND NOT EXISTS (
        SELECT 1 FROM quarantine_holds h JOIN incident_clusters c ON c.id = h.cluster_id
        WHERE h.signature_id = s.id AND c.state = 'invalidated');
