-- Accounts can be disabled (their sessions stop at once) and API keys revoked; neither is
-- deleted, so the audit log keeps pointing at them.
ALTER TABLE accounts ADD COLUMN disabled_at_us BIGINT;
ALTER TABLE api_keys ADD COLUMN revoked_at_us BIGINT;
