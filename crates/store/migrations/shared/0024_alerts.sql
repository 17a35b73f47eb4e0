-- Alerts by e-mail: where each account wants them, and the outbox every app server sends
-- from. An alert's key names its event (`appeal-filed:42`, `drop:dukcapil:2026-11-25`), so
-- the same event is queued once however many servers notice it; a server claims a row for a
-- minute before sending, so two never send the same one.
ALTER TABLE accounts ADD COLUMN email TEXT;

CREATE TABLE alert_outbox (
    tenant_id        TEXT NOT NULL,
    alert_key        TEXT NOT NULL,
    recipients       TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body             TEXT NOT NULL,
    created_at_us    BIGINT NOT NULL,
    claim            TEXT,
    claimed_until_us BIGINT,
    attempts         BIGINT NOT NULL,
    sent_at_us       BIGINT,
    last_error       TEXT,
    PRIMARY KEY (tenant_id, alert_key)
);
CREATE INDEX alert_outbox_unsent ON alert_outbox (tenant_id, sent_at_us, claimed_until_us);
