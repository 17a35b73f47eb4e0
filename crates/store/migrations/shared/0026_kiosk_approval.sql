-- Four eyes on kiosks: a registered kiosk's answers count for pay only once a second account
-- outside the unit (the inspectorate or BKPSDM) approved it; until then they are recorded on
-- the `kiosk_pending` channel, which counts for the published SKM only. Kiosks registered
-- before this migration wait for approval like new ones.
ALTER TABLE kiosks ADD COLUMN approved_by TEXT;
ALTER TABLE kiosks ADD COLUMN approved_at_us BIGINT;
-- At most one approved, active kiosk per service point (two approvals racing cannot both win).
CREATE UNIQUE INDEX kiosks_one_approved_per_point ON kiosks (tenant_id, point_id)
    WHERE approved_at_us IS NOT NULL AND revoked_at_us IS NULL;
