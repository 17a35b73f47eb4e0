-- Musrena Keren: forums, proposals with their history, scores and photos.

-- Participants are counted per group, never named (UU 27/2022).
CREATE TABLE musrena_forums (
    tenant_id        TEXT NOT NULL,
    forum_id         TEXT NOT NULL,
    level            TEXT NOT NULL,
    -- The district (a kecamatan unit) for village and district forums; NULL for the regency.
    district_id      TEXT,
    village          TEXT,
    held_on          TEXT NOT NULL,
    place            TEXT NOT NULL,
    facilitator      TEXT NOT NULL,
    accommodations   TEXT NOT NULL,
    participants     BIGINT NOT NULL,
    -- Per group, comma-separated in the domain's group order.
    by_group         TEXT NOT NULL,
    created_by       TEXT NOT NULL,
    created_at_us    BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, forum_id)
);

CREATE TABLE musrena_proposals (
    tenant_id       TEXT NOT NULL,
    code            TEXT NOT NULL,
    forum_id        TEXT NOT NULL,
    seq             BIGINT NOT NULL,
    title           TEXT NOT NULL,
    problem         TEXT NOT NULL,
    activity        TEXT NOT NULL,
    sector          TEXT NOT NULL,
    district_id     TEXT,
    village         TEXT NOT NULL,
    estimated_cost  BIGINT,
    proposed_by     TEXT NOT NULL,
    beneficiaries   TEXT NOT NULL,
    easy_read       BIGINT NOT NULL,
    stage           TEXT NOT NULL,
    votes           BIGINT NOT NULL,
    scores          TEXT NOT NULL,
    budget_amount   BIGINT,
    submitted_on    TEXT NOT NULL,
    PRIMARY KEY (tenant_id, code)
);
CREATE INDEX musrena_proposals_by_forum ON musrena_proposals (tenant_id, forum_id, seq);

-- Append-only: each step with its date, actor and reason.
CREATE TABLE musrena_steps (
    tenant_id    TEXT NOT NULL,
    code         TEXT NOT NULL,
    step_no      BIGINT NOT NULL,
    action       TEXT NOT NULL,
    stage_after  TEXT NOT NULL,
    on_date      TEXT NOT NULL,
    actor        TEXT NOT NULL,
    reason       TEXT,
    amount       BIGINT,
    evidence     TEXT,
    at_us        BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, code, step_no)
);

CREATE TABLE musrena_photos (
    tenant_id     TEXT NOT NULL,
    code          TEXT NOT NULL,
    photo_no      BIGINT NOT NULL,
    content_type  TEXT NOT NULL,
    bytes         BYTEA NOT NULL,
    PRIMARY KEY (tenant_id, code, photo_no)
);
