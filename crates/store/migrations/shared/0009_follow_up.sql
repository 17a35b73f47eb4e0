-- Follow-up plans (rencana tindak lanjut) per unit and survey period. Status changes are
-- audit-logged with before and after.
CREATE TABLE follow_up_plans (
    tenant_id      TEXT NOT NULL,
    plan_id        TEXT NOT NULL,
    unit_id        TEXT NOT NULL,
    period         TEXT NOT NULL,
    element        TEXT NOT NULL,
    action         TEXT NOT NULL,
    owner          TEXT NOT NULL,
    deadline       TEXT NOT NULL,
    status         TEXT NOT NULL,
    progress_note  TEXT,
    created_by     TEXT NOT NULL,
    created_at_us  BIGINT NOT NULL,
    updated_at_us  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, plan_id)
);
CREATE INDEX follow_up_by_unit ON follow_up_plans (tenant_id, unit_id, period);
