-- "Lupa kata sandi": one-time links sent by e-mail to choose a new password. Only the
-- SHA-256 of a link's token is kept; a link works once, before it expires, for an account
-- still enabled.
CREATE TABLE password_resets (
    tenant_id     TEXT NOT NULL,
    token_hash    TEXT NOT NULL,
    username      TEXT NOT NULL,
    created_at_us BIGINT NOT NULL,
    expires_at_us BIGINT NOT NULL,
    used_at_us    BIGINT,
    PRIMARY KEY (tenant_id, token_hash)
);
CREATE INDEX password_resets_by_account ON password_resets (tenant_id, username, created_at_us);
