-- The province's table of service codes: a regency's service counted as one of the
-- province's standard services on the province's view, kept in the province's own entry.
CREATE TABLE province_service_map (
    tenant_id         TEXT NOT NULL REFERENCES tenants (tenant_id),
    regency_id        TEXT NOT NULL,
    service_id        TEXT NOT NULL,
    province_service  TEXT NOT NULL,
    PRIMARY KEY (tenant_id, regency_id, service_id)
);
