-- Ranking rules a regency keeps as TOML, one row per version (never changed once saved);
-- each forum records the version it is ranked with (NULL: the built-in standard rule).
CREATE TABLE musrena_rules (
    tenant_id      TEXT NOT NULL,
    version        TEXT NOT NULL,
    rule_toml      TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    created_at_us  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, version)
);
ALTER TABLE musrena_forums ADD COLUMN rule_version TEXT;
