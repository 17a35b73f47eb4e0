-- Pay integrity (see crates/store/src/totals.rs and log.rs).

-- The spread of each scope's responses, for the TPP evidence rule's confidence interval.
-- Pay totals (scopes pay_onsite_*, pay_verified_*) are rebuilt with these by the migration.
ALTER TABLE skm_monthly_totals ADD COLUMN q_sum BIGINT NOT NULL DEFAULT 0;
ALTER TABLE skm_monthly_totals ADD COLUMN q_sq BIGINT NOT NULL DEFAULT 0;

-- The NIP of a ticket's issuing account when it is a rated officer's: no evidence for pay.
ALTER TABLE tickets ADD COLUMN issuer_nip TEXT;
-- Tickets issued before: the issuing account's NIP, where it has one.
UPDATE tickets SET issuer_nip = (SELECT a.nip FROM accounts a
    WHERE a.tenant_id = tickets.tenant_id AND a.username = tickets.issued_by);
CREATE INDEX tickets_by_response ON tickets (tenant_id, response_id);

-- The transparency log: hashes of complete, aligned subtrees of 2^8 and 2^16 leaves (level 8
-- and 16; a cache: verify never trusts them), and the signed tree heads.
CREATE TABLE log_tiles (
    tenant_id  TEXT NOT NULL REFERENCES tenants (tenant_id),
    level      BIGINT NOT NULL,
    idx        BIGINT NOT NULL,
    hash       TEXT NOT NULL,
    PRIMARY KEY (tenant_id, level, idx)
);

-- Open responses (link, API) that were counted, by unit and time: the unit-burst rule counts
-- these, so a flood that is held cannot make genuine answers wait.
CREATE TABLE unit_window (
    tenant_id    TEXT NOT NULL,
    unit_id      TEXT NOT NULL,
    at_us        BIGINT NOT NULL,
    response_id  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, unit_id, at_us, response_id)
);
CREATE TABLE log_heads (
    tenant_id     TEXT NOT NULL REFERENCES tenants (tenant_id),
    tree_size     BIGINT NOT NULL,
    root_hash     TEXT NOT NULL,
    signed_at_ms  BIGINT NOT NULL,
    signature     TEXT NOT NULL,
    PRIMARY KEY (tenant_id, tree_size)
);

-- A payroll run records the signed head it was computed on and is sealed (signed) with it.
ALTER TABLE tpp_runs ADD COLUMN log_size BIGINT;
ALTER TABLE tpp_runs ADD COLUMN log_root TEXT;
ALTER TABLE tpp_runs ADD COLUMN log_signed_at_ms BIGINT;
ALTER TABLE tpp_runs ADD COLUMN log_signature TEXT;
ALTER TABLE tpp_runs ADD COLUMN seal TEXT;
ALTER TABLE tpp_run_officers ADD COLUMN officer_q_sum BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tpp_run_officers ADD COLUMN officer_q_sq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tpp_run_officers ADD COLUMN unit_q_sum BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tpp_run_officers ADD COLUMN unit_q_sq BIGINT NOT NULL DEFAULT 0;
