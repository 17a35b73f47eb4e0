-- Each level's latest recommendation on a proposal (village, district, OPD, TAPD); earlier
-- ones stay in the audit log.
CREATE TABLE musrena_recommendations (
    tenant_id    TEXT NOT NULL,
    code         TEXT NOT NULL,
    recommender  TEXT NOT NULL,
    volume       TEXT,
    amount       BIGINT,
    text         TEXT NOT NULL,
    actor        TEXT NOT NULL,
    at_us        BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, code, recommender)
);
