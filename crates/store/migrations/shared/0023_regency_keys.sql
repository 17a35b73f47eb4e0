-- Every primary key begins with the regency key (ready for a distributed PostgreSQL with
-- tenant_id as the distribution column). The two tables that had no primary key get an
-- identifier of their own: random for new rows, numbered for the rows already there.
CREATE TABLE tpp_run_events_keyed (
    tenant_id     TEXT NOT NULL,
    event_id      TEXT NOT NULL,
    period_month  TEXT NOT NULL,
    run_version   BIGINT NOT NULL,
    state         TEXT NOT NULL,
    actor         TEXT NOT NULL,
    at_us         BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, event_id)
);
INSERT INTO tpp_run_events_keyed
    SELECT tenant_id,
           'migrated-' || CAST(ROW_NUMBER() OVER (ORDER BY tenant_id, at_us, period_month, run_version, state) AS TEXT),
           period_month, run_version, state, actor, at_us
    FROM tpp_run_events;
DROP TABLE tpp_run_events;
ALTER TABLE tpp_run_events_keyed RENAME TO tpp_run_events;
CREATE INDEX tpp_run_events_by_run ON tpp_run_events (tenant_id, period_month, run_version);

CREATE TABLE login_failures_keyed (
    tenant_id   TEXT NOT NULL,
    failure_id  TEXT NOT NULL,
    username    TEXT NOT NULL,
    client      TEXT NOT NULL,
    at_us       BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, failure_id)
);
INSERT INTO login_failures_keyed
    SELECT tenant_id,
           'migrated-' || CAST(ROW_NUMBER() OVER (ORDER BY tenant_id, at_us, username, client) AS TEXT),
           username, client, at_us
    FROM login_failures;
DROP TABLE login_failures;
ALTER TABLE login_failures_keyed RENAME TO login_failures;
CREATE INDEX login_failures_by_time ON login_failures (tenant_id, at_us);
