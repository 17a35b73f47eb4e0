-- What an offline or assisted forum sent, by the key the browser gave each item: a retry
-- finds its key and changes nothing.
CREATE TABLE musrena_offline_items (
    tenant_id        TEXT NOT NULL,
    idempotency_key  TEXT NOT NULL,
    forum_id         TEXT NOT NULL,
    kind             TEXT NOT NULL,
    code             TEXT NOT NULL,
    actor            TEXT NOT NULL,
    at_us            BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, idempotency_key)
);
-- Votes recorded for participants by a facilitator, counted per group, never named.
CREATE TABLE musrena_assisted_votes (
    tenant_id   TEXT NOT NULL,
    code        TEXT NOT NULL,
    group_code  TEXT NOT NULL,
    votes       BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, code, group_code)
);
