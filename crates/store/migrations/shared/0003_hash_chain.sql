-- The tamper-evident chain of accepted responses (see suara_domain::integrity::chain).
CREATE TABLE chain_links (
    tenant_id     TEXT NOT NULL,
    seq           BIGINT NOT NULL,
    response_id   BIGINT NOT NULL,
    content_hash  TEXT NOT NULL,
    link_hash     TEXT NOT NULL,
    linked_at_us  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, seq),
    UNIQUE (tenant_id, response_id)
);
CREATE INDEX chain_links_by_time ON chain_links (tenant_id, linked_at_us);

-- The last link per tenant; locked while a link is appended, so links never fork.
CREATE TABLE chain_heads (
    tenant_id  TEXT PRIMARY KEY REFERENCES tenants (tenant_id),
    seq        BIGINT NOT NULL,
    link_hash  TEXT NOT NULL
);
INSERT INTO chain_heads (tenant_id, seq, link_hash)
    SELECT tenant_id, 0, '0000000000000000000000000000000000000000000000000000000000000000' FROM tenants;
