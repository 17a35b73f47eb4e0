-- One-time survey tickets. Only a SHA-256 of the code is stored, so a copy of the database
-- cannot be used to answer surveys.
CREATE TABLE tickets (
    tenant_id      TEXT NOT NULL,
    code_hash      TEXT NOT NULL,
    unit_id        TEXT NOT NULL,
    service_id     TEXT,
    officer_nip    TEXT,
    point_id       TEXT,
    issued_by      TEXT NOT NULL,
    issued_at_us   BIGINT NOT NULL,
    expires_at_us  BIGINT NOT NULL,
    used_at_us     BIGINT,
    response_id    BIGINT,
    PRIMARY KEY (tenant_id, code_hash),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, unit_id)
);
CREATE INDEX tickets_by_issue_time ON tickets (tenant_id, issued_at_us);

-- Keys of queue systems that issue tickets over the API, each limited to a unit subtree.
CREATE TABLE api_keys (
    tenant_id      TEXT NOT NULL REFERENCES tenants (tenant_id),
    key_hash       TEXT NOT NULL,
    label          TEXT NOT NULL,
    unit_id        TEXT NOT NULL,
    created_at_us  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, key_hash),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, unit_id)
);
CREATE UNIQUE INDEX api_keys_by_hash ON api_keys (key_hash);
