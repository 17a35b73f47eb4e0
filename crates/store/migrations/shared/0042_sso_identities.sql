-- Accounts that sign in through the regency's identity provider (OpenID Connect): the
-- provider's subject identifier is the link, never the username it happens to send, so a
-- renamed or re-created person at the provider cannot take over another's account.
CREATE TABLE sso_identities (
    tenant_id    TEXT NOT NULL,
    issuer       TEXT NOT NULL,
    subject      TEXT NOT NULL,
    username     TEXT NOT NULL,
    linked_at_us BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, issuer, subject),
    UNIQUE (tenant_id, username)
);
