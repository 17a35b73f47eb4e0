-- Innovations: the registry, every stage step, the units that adopted each (with their
-- start dates), partners, evidence files, and ideas from staff.

-- Elements, SDG targets, groups, team NIPs and Musrena codes are comma-separated codes.
CREATE TABLE innovations (
    tenant_id       TEXT NOT NULL,
    innovation_id   BIGINT NOT NULL,
    unit_id         TEXT NOT NULL,
    title           TEXT NOT NULL,
    problem         TEXT NOT NULL,
    change_made     TEXT NOT NULL,
    elements        TEXT NOT NULL,
    initiator       TEXT NOT NULL,
    form            TEXT NOT NULL,
    digital         BIGINT NOT NULL,
    affair          TEXT NOT NULL,
    design          TEXT NOT NULL,
    goal            TEXT NOT NULL,
    benefit         TEXT NOT NULL,
    result          TEXT NOT NULL,
    sdgs            TEXT NOT NULL,
    groups_served   TEXT NOT NULL,
    team            TEXT NOT NULL,
    proposals       TEXT NOT NULL,
    stage           TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    created_at_us   BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, innovation_id)
);

-- Append-only: each stage reached, with its date and who recorded it.
CREATE TABLE innovation_stages (
    tenant_id      TEXT NOT NULL,
    innovation_id  BIGINT NOT NULL,
    step_no        BIGINT NOT NULL,
    stage          TEXT NOT NULL,
    on_date        TEXT NOT NULL,
    actor          TEXT NOT NULL,
    at_us          BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, innovation_id, step_no)
);

-- The owning unit and every unit that copied it, each with the day it started there.
CREATE TABLE innovation_units (
    tenant_id      TEXT NOT NULL,
    innovation_id  BIGINT NOT NULL,
    unit_id        TEXT NOT NULL,
    started_on     TEXT,
    replicated     BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, innovation_id, unit_id)
);
CREATE INDEX innovation_units_by_unit ON innovation_units (tenant_id, unit_id);

CREATE TABLE innovation_partners (
    tenant_id      TEXT NOT NULL,
    innovation_id  BIGINT NOT NULL,
    partner_no     BIGINT NOT NULL,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    role           TEXT NOT NULL,
    amount         BIGINT,
    in_kind        TEXT,
    PRIMARY KEY (tenant_id, innovation_id, partner_no)
);

CREATE TABLE innovation_evidence (
    tenant_id      TEXT NOT NULL,
    innovation_id  BIGINT NOT NULL,
    evidence_no    BIGINT NOT NULL,
    indicator      TEXT NOT NULL,
    title          TEXT NOT NULL,
    content_type   TEXT NOT NULL,
    bytes          BYTEA NOT NULL,
    added_by       TEXT NOT NULL,
    at_us          BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, innovation_id, evidence_no)
);

-- Ideas any staff account submits; a unit admin takes one up (it becomes an innovation) or
-- declines it with a reason.
CREATE TABLE innovation_ideas (
    tenant_id         TEXT NOT NULL,
    idea_id           BIGINT NOT NULL,
    unit_id           TEXT NOT NULL,
    title             TEXT NOT NULL,
    description       TEXT NOT NULL,
    submitted_by      TEXT NOT NULL,
    submitted_at_us   BIGINT NOT NULL,
    status            TEXT NOT NULL,
    reason            TEXT,
    decided_by        TEXT,
    decided_at_us     BIGINT,
    innovation_id     BIGINT,
    PRIMARY KEY (tenant_id, idea_id)
);
