-- The regency's catalogue of activities (kamus usulan) and strategic issues, imported with
-- the organisation files; a proposal may pick an entry with a volume, and an issue.
CREATE TABLE musrena_catalogue (
    tenant_id   TEXT NOT NULL,
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    unit_id     TEXT NOT NULL,
    affair      TEXT NOT NULL,
    measure     TEXT NOT NULL,
    unit_price  BIGINT NOT NULL,
    -- Forum levels that may propose it, `desa;kecamatan`.
    levels      TEXT NOT NULL,
    PRIMARY KEY (tenant_id, code)
);
CREATE TABLE musrena_issues (
    tenant_id   TEXT NOT NULL,
    issue_code  TEXT NOT NULL,
    name        TEXT NOT NULL,
    PRIMARY KEY (tenant_id, issue_code)
);
ALTER TABLE musrena_proposals ADD COLUMN activity_code TEXT;
-- The volume as a plain decimal (`12.5`), in the entry's unit of measure.
ALTER TABLE musrena_proposals ADD COLUMN volume TEXT;
ALTER TABLE musrena_proposals ADD COLUMN issue_code TEXT;
-- Set when the estimated cost is not volume × unit price.
ALTER TABLE musrena_proposals ADD COLUMN cost_reason TEXT;
