-- The audit chain: every audit entry is a link of a hash chain per regency (as responses
-- are), and its head is signed with the regency's key like the transparency log's. Entries
-- written before this migration are linked once, in the order they were written.
CREATE TABLE audit_links (
    tenant_id     TEXT NOT NULL,
    seq           BIGINT NOT NULL,
    audit_id      BIGINT NOT NULL,
    content_hash  TEXT NOT NULL,
    link_hash     TEXT NOT NULL,
    PRIMARY KEY (tenant_id, seq)
);
CREATE UNIQUE INDEX audit_links_by_entry ON audit_links (tenant_id, audit_id);

-- The last link of each regency's chain; locked (PostgreSQL) while a link is added.
CREATE TABLE audit_chain_heads (
    tenant_id  TEXT NOT NULL,
    seq        BIGINT NOT NULL,
    link_hash  TEXT NOT NULL,
    PRIMARY KEY (tenant_id)
);

-- Signed heads of the audit chain (`seq` entries, ending in `link_hash`).
CREATE TABLE audit_heads (
    tenant_id     TEXT NOT NULL,
    seq           BIGINT NOT NULL,
    link_hash     TEXT NOT NULL,
    signed_at_ms  BIGINT NOT NULL,
    signature     TEXT NOT NULL,
    PRIMARY KEY (tenant_id, seq)
);
