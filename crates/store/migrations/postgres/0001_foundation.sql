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
    response_id      BIGINT GENERATED ALWAYS AS IDENTITY,
    idempotency_key  TEXT NOT NULL,
    receipt          TEXT NOT NULL,
    received_at_us   BIGINT NOT NULL,
    period_month     TEXT NOT NULL,
    channel          TEXT NOT NULL,
    unit_id          TEXT NOT NULL,
    service_id       TEXT,
    officer_nip      TEXT,
    u1 SMALLINT, u2 SMALLINT, u3 SMALLINT, u4 SMALLINT, u5 SMALLINT,
    u6 SMALLINT, u7 SMALLINT, u8 SMALLINT, u9 SMALLINT,
    sex              TEXT,
    age_band         TEXT,
    education        TEXT,
    occupation       TEXT,
    suggestion       TEXT,
    PRIMARY KEY (tenant_id, response_id),
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
    responses     BIGINT NOT NULL,
    s1 BIGINT NOT NULL, s2 BIGINT NOT NULL, s3 BIGINT NOT NULL,
    s4 BIGINT NOT NULL, s5 BIGINT NOT NULL, s6 BIGINT NOT NULL,
    s7 BIGINT NOT NULL, s8 BIGINT NOT NULL, s9 BIGINT NOT NULL,
    n1 BIGINT NOT NULL, n2 BIGINT NOT NULL, n3 BIGINT NOT NULL,
    n4 BIGINT NOT NULL, n5 BIGINT NOT NULL, n6 BIGINT NOT NULL,
    n7 BIGINT NOT NULL, n8 BIGINT NOT NULL, n9 BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, scope, scope_id, period_month)
);
