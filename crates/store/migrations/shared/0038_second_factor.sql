-- The second factor of the roles that touch pay (RFC 6238 one-time codes): the account's
-- secret once set up, and the newest time step accepted, so no code is accepted twice.
ALTER TABLE accounts ADD COLUMN totp_secret TEXT;
ALTER TABLE accounts ADD COLUMN totp_last_step BIGINT;
-- A session of such an account reaches only the code page until a code is given (sessions
-- made before this existed give one too); the secret being set up waits with the session.
ALTER TABLE sessions ADD COLUMN second_factor_done BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN pending_totp_secret TEXT;
-- Single-use codes for a lost phone; only their SHA-256 is kept.
CREATE TABLE recovery_codes (
    tenant_id  TEXT NOT NULL,
    username   TEXT NOT NULL,
    code_hash  TEXT NOT NULL,
    PRIMARY KEY (tenant_id, username, code_hash),
    FOREIGN KEY (tenant_id, username) REFERENCES accounts (tenant_id, username)
);
