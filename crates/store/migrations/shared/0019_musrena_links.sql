-- Merges and splits at the district: which proposal carries which on.
CREATE TABLE musrena_links (
    tenant_id  TEXT NOT NULL,
    from_code  TEXT NOT NULL,
    to_code    TEXT NOT NULL,
    -- 'merge' (from was merged into to) or 'split' (from was split into to).
    kind       TEXT NOT NULL,
    PRIMARY KEY (tenant_id, from_code, to_code)
);
CREATE INDEX musrena_links_to ON musrena_links (tenant_id, to_code);
