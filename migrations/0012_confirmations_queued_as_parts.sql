-- A confirmation mail is queued as what makes it, its signature and its link's token (in
-- clear until sent, as the whole message was), and composed as it leaves: a signature
-- writes a row of about a hundred bytes instead of a 3 KB message that the sent mark then
-- rewrites, and the request that signs renders no mail. Rows queued before keep their
-- message and go as they are.
ALTER TABLE outbox ADD COLUMN signature_id INTEGER REFERENCES signatures(id);
ALTER TABLE outbox ADD COLUMN link_token TEXT;
