-- The audit log's actor becomes a structured value, so that nothing typed in the login
-- form can pass for the command line: "account:<id>" (someone logged in), "web:<address>"
-- (a login attempt under that address), "cli" (a command). The one rewrite of past rows:
-- each keeps its meaning, written in the new form. Released: never edit.
UPDATE audit_log SET actor = CASE
    WHEN actor = 'cli' AND ip = '' THEN 'cli'
    WHEN action IN ('login_failed', 'login_locked') THEN 'web:' || actor
    WHEN user_id IS NOT NULL THEN 'account:' || user_id
    ELSE 'web:' || actor
END;
