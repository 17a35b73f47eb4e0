-- A proposal's cost breakdown (rincian anggaran biaya): one file, its type checked by its
-- bytes; a new one replaces it (the audit log says when).
CREATE TABLE musrena_rab (
    tenant_id     TEXT NOT NULL,
    code          TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    bytes         BYTEA NOT NULL,
    PRIMARY KEY (tenant_id, code)
);
