-- The log in C2SP's formats: each signed head of the log is also a checkpoint (a signed note),
-- and witnesses' cosignatures of it are kept as the signature lines they answered.
ALTER TABLE log_heads ADD COLUMN checkpoint TEXT;
CREATE TABLE log_cosignatures (
    tenant_id       TEXT NOT NULL REFERENCES tenants (tenant_id),
    tree_size       BIGINT NOT NULL,
    witness         TEXT NOT NULL,
    line            TEXT NOT NULL,
    cosigned_at_ms  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, tree_size, witness)
);
