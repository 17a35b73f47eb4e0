-- The host names a regency is served under (suara.trenggalekkab.go.id, ...): every request
-- finds its regency from its Host header. A host belongs to one regency at most.
CREATE TABLE tenant_hosts (
    tenant_id  TEXT NOT NULL REFERENCES tenants (tenant_id),
    host       TEXT NOT NULL,
    PRIMARY KEY (tenant_id, host)
);
CREATE UNIQUE INDEX tenant_hosts_by_host ON tenant_hosts (host);
