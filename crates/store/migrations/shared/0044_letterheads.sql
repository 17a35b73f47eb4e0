-- The regency's letterhead for its printed reports: the address line under the office's
-- name and the logo (a PNG file), set once by an administrator.
CREATE TABLE letterheads (
    tenant_id      TEXT PRIMARY KEY REFERENCES tenants (tenant_id),
    address        TEXT NOT NULL,
    logo           BYTEA,
    updated_at_ms  BIGINT NOT NULL
);
