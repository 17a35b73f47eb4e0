-- Anomaly screening: what a request showed of its device and network (salted, daily-rotating
-- hashes only), responses held back for review, and the inspectorate's decisions.
CREATE TABLE response_signals (
    tenant_id       TEXT NOT NULL,
    response_id     BIGINT NOT NULL,
    at_us           BIGINT NOT NULL,
    unit_id         TEXT NOT NULL,
    device_hash     TEXT,
    network_hash    TEXT,
    straight_lined  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, response_id)
);
CREATE INDEX signals_by_device ON response_signals (tenant_id, device_hash, at_us);
CREATE INDEX signals_by_network ON response_signals (tenant_id, network_hash, at_us);
CREATE INDEX responses_by_unit_time ON responses (tenant_id, unit_id, received_at_us);

-- Per-tenant secret mixed into the signal hashes, so they cannot be reversed to addresses.
CREATE TABLE signal_secrets (
    tenant_id  TEXT PRIMARY KEY REFERENCES tenants (tenant_id),
    secret     TEXT NOT NULL
);

CREATE TABLE quarantine (
    tenant_id    TEXT NOT NULL,
    response_id  BIGINT NOT NULL,
    reasons      TEXT NOT NULL,
    held_at_us   BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, response_id)
);

-- Append-only: a decision is never changed.
CREATE TABLE quarantine_decisions (
    tenant_id      TEXT NOT NULL,
    response_id    BIGINT NOT NULL,
    accepted       BIGINT NOT NULL,
    reason         TEXT NOT NULL,
    decided_by     TEXT NOT NULL,
    decided_at_us  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, response_id)
);
