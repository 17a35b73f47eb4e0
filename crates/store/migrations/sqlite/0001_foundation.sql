-- Every table carries the tenant (regency) key first.

CREATE TABLE tenants (
    tenant_id           TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    -- Local time offset for monthly periods: WIB +420, WITA +480, WIT +540.
    utc_offset_minutes  INTEGER NOT NULL
);

CREATE TABLE units (
    tenant_id   TEXT NOT NULL REFERENCES tenants (tenant_id),
    unit_id     TEXT NOT NULL,
    parent_id   TEXT,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    PRIMARY KEY (tenant_id, unit_id),
    FOREIGN KEY (tenant_id, parent_id) REFERENCES units (tenant_id, unit_id)
);

CREATE TABLE services (
    tenant_id   TEXT NOT NULL,
    service_id  TEXT NOT NULL,
    unit_id     TEXT NOT NULL,
    name        TEXT NOT NULL,
    PRIMARY KEY (tenant_id, service_id),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, unit_id)
);

CREATE TABLE officers (
    tenant_id   TEXT NOT NULL REFERENCES tenants (tenant_id),
    nip         TEXT NOT NULL,
    name        TEXT NOT NULL,
    position    TEXT NOT NULL,
    unit_id     TEXT NOT NULL,
    PRIMARY KEY (tenant_id, nip),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, unit_id)
);

-- Append-only. Anonymous: no name, phone or address of the respondent.
CREATE TABLE responses (
    tenant_id        TEXT NOT NULL,
    response_id      INTEGER PRIMARY KEY,
    idempotency_key  TEXT NOT NULL,
    receipt          TEXT NOT NULL,
    received_at_us   INTEGER NOT NULL,
    period_month     TEXT NOT NULL,
    channel          TEXT NOT NULL,
    unit_id          TEXT NOT NULL,
    service_id       TEXT,
    officer_nip      TEXT,
    u1 INTEGER, u2 INTEGER, u3 INTEGER, u4 INTEGER, u5 INTEGER,
    u6 INTEGER, u7 INTEGER, u8 INTEGER, u9 INTEGER,
    sex              TEXT,
    age_band         TEXT,
    education        TEXT,
    occupation       TEXT,
    suggestion       TEXT,
    UNIQUE (tenant_id, idempotency_key),
    UNIQUE (tenant_id, receipt),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, unit_id)
);

CREATE INDEX responses_by_unit_month ON responses (tenant_id, unit_id, period_month);

-- Running SKM totals per scope (unit, service, officer) and month, updated in the same
-- transaction as each accepted response, so dashboards never scan responses.
CREATE TABLE skm_monthly_totals (
    tenant_id     TEXT NOT NULL,
    scope         TEXT NOT NULL,
    scope_id      TEXT NOT NULL,
    period_month  TEXT NOT NULL,
    responses     INTEGER NOT NULL,
    s1 INTEGER NOT NULL, s2 INTEGER NOT NULL, s3 INTEGER NOT NULL,
    s4 INTEGER NOT NULL, s5 INTEGER NOT NULL, s6 INTEGER NOT NULL,
    s7 INTEGER NOT NULL, s8 INTEGER NOT NULL, s9 INTEGER NOT NULL,
    n1 INTEGER NOT NULL, n2 INTEGER NOT NULL, n3 INTEGER NOT NULL,
    n4 INTEGER NOT NULL, n5 INTEGER NOT NULL, n6 INTEGER NOT NULL,
    n7 INTEGER NOT NULL, n8 INTEGER NOT NULL, n9 INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, scope, scope_id, period_month)
);
