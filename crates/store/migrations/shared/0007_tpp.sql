-- TPP: policies, base amounts, other components, payroll runs and appeals.

-- Officers whom the public does not meet take their unit's score for TPP.
ALTER TABLE officers ADD COLUMN serves_public BIGINT NOT NULL DEFAULT 1;

-- For the payroll's month-wide scan of responses.
CREATE INDEX responses_by_month ON responses (tenant_id, period_month);

-- A policy version is never changed: an edit is saved as a new version.
CREATE TABLE tpp_policies (
    tenant_id        TEXT NOT NULL,
    version          TEXT NOT NULL,
    effective_from   TEXT NOT NULL,
    effective_until  TEXT,
    policy_toml      TEXT NOT NULL,
    saved_by         TEXT NOT NULL,
    saved_at_us      BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, version)
);

-- Base TPP per position class (kelas jabatan), whole rupiah; replaced by each import.
CREATE TABLE tpp_base_amounts (
    tenant_id       TEXT NOT NULL,
    position_class  TEXT NOT NULL,
    base_amount     BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, position_class)
);

-- Attendance and productivity factors per officer and month (exact decimals as text).
CREATE TABLE tpp_components (
    tenant_id     TEXT NOT NULL,
    nip           TEXT NOT NULL,
    period_month  TEXT NOT NULL,
    attendance    TEXT,
    productivity  TEXT,
    PRIMARY KEY (tenant_id, nip, period_month)
);

-- A month's run, version by version. The policy text and every officer's inputs are kept,
-- so the amounts can be recomputed and checked against the digest at any time.
CREATE TABLE tpp_runs (
    tenant_id       TEXT NOT NULL,
    period_month    TEXT NOT NULL,
    run_version     BIGINT NOT NULL,
    state           TEXT NOT NULL,
    policy_version  TEXT NOT NULL,
    policy_toml     TEXT NOT NULL,
    input_digest    TEXT NOT NULL,
    total_amount    BIGINT NOT NULL,
    computed_by     TEXT NOT NULL,
    computed_at_us  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, period_month, run_version)
);

CREATE TABLE tpp_run_officers (
    tenant_id          TEXT NOT NULL,
    period_month       TEXT NOT NULL,
    run_version        BIGINT NOT NULL,
    nip                TEXT NOT NULL,
    name               TEXT NOT NULL,
    unit_id            TEXT NOT NULL,
    unit_name          TEXT NOT NULL,
    position_class     TEXT NOT NULL,
    base_amount        BIGINT,
    public_facing      BIGINT NOT NULL,
    officer_responses  BIGINT NOT NULL,
    officer_ikm        TEXT,
    score_unit_id      TEXT,
    unit_responses     BIGINT NOT NULL,
    unit_ikm           TEXT,
    attendance         TEXT,
    productivity       TEXT,
    -- NULL when the officer could not be paid (reason in unpaid_reason).
    amount             BIGINT,
    unpaid_reason      TEXT,
    PRIMARY KEY (tenant_id, period_month, run_version, nip)
);

-- Who moved a run on, and when.
CREATE TABLE tpp_run_events (
    tenant_id     TEXT NOT NULL,
    period_month  TEXT NOT NULL,
    run_version   BIGINT NOT NULL,
    state         TEXT NOT NULL,
    actor         TEXT NOT NULL,
    at_us         BIGINT NOT NULL
);
CREATE INDEX tpp_run_events_by_run ON tpp_run_events (tenant_id, period_month, run_version);

-- An officer disputes a response naming them; the inspectorate decides, once.
CREATE TABLE tpp_appeals (
    tenant_id     TEXT NOT NULL,
    response_id   BIGINT NOT NULL,
    nip           TEXT NOT NULL,
    period_month  TEXT NOT NULL,
    reason        TEXT NOT NULL,
    filed_at_us   BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, response_id)
);

CREATE TABLE tpp_appeal_decisions (
    tenant_id      TEXT NOT NULL,
    response_id    BIGINT NOT NULL,
    upheld         BIGINT NOT NULL,
    reason         TEXT NOT NULL,
    decided_by     TEXT NOT NULL,
    decided_at_us  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, response_id)
);
