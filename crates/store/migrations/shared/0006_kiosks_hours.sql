-- Posted service hours of a unit (e.g. 'Sen-Kam 07:30-16:00; Jum 07:30-11:00'); NULL: not
-- judged by the hour.
ALTER TABLE units ADD COLUMN service_hours TEXT;

-- Salted daily hash of the network a ticket was issued from, to spot the counter answering
-- its own tickets.
ALTER TABLE tickets ADD COLUMN issuer_network_hash TEXT;

-- Counter tablets registered as kiosks of a service point. The tablet keeps a random token
-- in a cookie; only its SHA-256 is stored.
CREATE TABLE kiosks (
    tenant_id         TEXT NOT NULL,
    kiosk_id          TEXT NOT NULL,
    token_hash        TEXT NOT NULL,
    point_id          TEXT NOT NULL,
    unit_id           TEXT NOT NULL,
    officer_nip       TEXT,
    label             TEXT NOT NULL,
    registered_by     TEXT NOT NULL,
    registered_at_us  BIGINT NOT NULL,
    revoked_by        TEXT,
    revoked_at_us     BIGINT,
    PRIMARY KEY (tenant_id, kiosk_id),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, unit_id)
);
CREATE UNIQUE INDEX kiosks_by_token ON kiosks (token_hash);
