-- Refused signing attempts as summaries, one row per petition, minute, network and
-- verdict, instead of a signing_events row per request: a flood of junk posts leaves who
-- sent what and when, in a few rows. Released: never edit.
CREATE TABLE signing_refusals (
    petition_id       INTEGER NOT NULL REFERENCES petitions(id),
    minute_ms         INTEGER NOT NULL,  -- the minute's start
    network           TEXT    NOT NULL,  -- IPv4 /24, IPv6 /64; 'other' past the tally's bound
    verdict           TEXT    NOT NULL,  -- 'pow_missing', 'rate_limited_ip', 'banned', ...
    asn               INTEGER,
    attempts          INTEGER NOT NULL,
    first_ms          INTEGER NOT NULL,
    last_ms           INTEGER NOT NULL,
    sample_ip         TEXT    NOT NULL,  -- the first address seen in the minute
    sample_user_agent TEXT    NOT NULL,
    PRIMARY KEY (petition_id, minute_ms, network, verdict)
) WITHOUT ROWID;
