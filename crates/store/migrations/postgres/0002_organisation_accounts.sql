-- Organisation details, accounts and sessions, and the audit log.

-- Estimated service users per month, for the Krejcie–Morgan sample size.
ALTER TABLE units ADD COLUMN monthly_users INTEGER;
-- Kelas jabatan, which sets the base TPP.
ALTER TABLE officers ADD COLUMN position_class TEXT NOT NULL DEFAULT '';

-- Counters and desks where services are given.
CREATE TABLE service_points (
    tenant_id   TEXT NOT NULL,
    point_id    TEXT NOT NULL,
    unit_id     TEXT NOT NULL,
    name        TEXT NOT NULL,
    PRIMARY KEY (tenant_id, point_id),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, unit_id)
);

-- Where an officer worked when; officers.unit_id/position mirror the open assignment.
-- Dates are local calendar dates, YYYY-MM-DD; valid_until is the last day, NULL while open.
CREATE TABLE officer_assignments (
    tenant_id    TEXT NOT NULL,
    nip          TEXT NOT NULL,
    valid_from   TEXT NOT NULL,
    valid_until  TEXT,
    unit_id      TEXT NOT NULL,
    position     TEXT NOT NULL,
    PRIMARY KEY (tenant_id, nip, valid_from),
    FOREIGN KEY (tenant_id, nip) REFERENCES officers (tenant_id, nip),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, unit_id)
);
INSERT INTO officer_assignments (tenant_id, nip, valid_from, valid_until, unit_id, position)
    SELECT tenant_id, nip, to_char(current_date, 'YYYY-MM-DD'), NULL, unit_id, position FROM officers;

CREATE TABLE accounts (
    tenant_id      TEXT NOT NULL REFERENCES tenants (tenant_id),
    username       TEXT NOT NULL,
    -- argon2id PHC string.
    password_hash  TEXT NOT NULL,
    role           TEXT NOT NULL,
    unit_id        TEXT,
    nip            TEXT,
    created_at_us  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, username)
);

-- Only a hash of the session token is stored, so a copy of the database cannot sign in.
CREATE TABLE sessions (
    tenant_id      TEXT NOT NULL,
    token_hash     TEXT NOT NULL,
    username       TEXT NOT NULL,
    csrf_token     TEXT NOT NULL,
    expires_at_us  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, token_hash),
    FOREIGN KEY (tenant_id, username) REFERENCES accounts (tenant_id, username)
);
CREATE UNIQUE INDEX sessions_by_token ON sessions (token_hash);

-- Failed sign-ins, for rate limiting by account and by client address.
CREATE TABLE login_failures (
    tenant_id  TEXT NOT NULL,
    username   TEXT NOT NULL,
    client     TEXT NOT NULL,
    at_us      BIGINT NOT NULL
);
CREATE INDEX login_failures_by_time ON login_failures (tenant_id, at_us);

-- Append-only: every administrative change, who made it and what it was before and after.
CREATE TABLE audit_log (
    tenant_id        TEXT NOT NULL,
    audit_id         BIGINT GENERATED ALWAYS AS IDENTITY,
    at_us            BIGINT NOT NULL,
    actor            TEXT NOT NULL,
    action           TEXT NOT NULL,
    entity           TEXT NOT NULL,
    entity_id        TEXT NOT NULL,
    before_json      TEXT,
    after_json       TEXT,
    PRIMARY KEY (tenant_id, audit_id)
);
CREATE INDEX audit_by_time ON audit_log (tenant_id, at_us);
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
