-- A unit's past SKM, imported from another tool (a Google Forms or LimeSurvey export): its
-- monthly totals, read only for the unit's trend. Never the signed log, pay or a published
-- IKM. A month is in one import at most, and never in a month the survey itself counted.
CREATE TABLE survey_history_imports (
    tenant_id       TEXT NOT NULL REFERENCES tenants (tenant_id),
    import_id       TEXT NOT NULL,
    unit_id         TEXT NOT NULL,
    file_name       TEXT NOT NULL,
    file_sha256     TEXT NOT NULL,
    responses       BIGINT NOT NULL,
    first_month     TEXT NOT NULL,
    last_month      TEXT NOT NULL,
    imported_by     TEXT NOT NULL,
    imported_at_ms  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, import_id),
    UNIQUE (tenant_id, unit_id, file_sha256)
);

CREATE TABLE survey_history (
    tenant_id     TEXT NOT NULL,
    unit_id       TEXT NOT NULL,
    period_month  TEXT NOT NULL,
    import_id     TEXT NOT NULL,
    responses     BIGINT NOT NULL,
    s1 BIGINT NOT NULL, s2 BIGINT NOT NULL, s3 BIGINT NOT NULL,
    s4 BIGINT NOT NULL, s5 BIGINT NOT NULL, s6 BIGINT NOT NULL,
    s7 BIGINT NOT NULL, s8 BIGINT NOT NULL, s9 BIGINT NOT NULL,
    n1 BIGINT NOT NULL, n2 BIGINT NOT NULL, n3 BIGINT NOT NULL,
    n4 BIGINT NOT NULL, n5 BIGINT NOT NULL, n6 BIGINT NOT NULL,
    n7 BIGINT NOT NULL, n8 BIGINT NOT NULL, n9 BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, unit_id, period_month),
    FOREIGN KEY (tenant_id, import_id) REFERENCES survey_history_imports (tenant_id, import_id)
);
