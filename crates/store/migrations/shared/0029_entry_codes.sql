-- Entry authentication codes (suara_domain::integrity::entry_code): an HMAC of each link,
-- under a key derived from the regency's signing key. Links written before carry none.
ALTER TABLE chain_links ADD COLUMN entry_code TEXT;
ALTER TABLE audit_links ADD COLUMN entry_code TEXT;
-- Entries of one kind (where codes began, a run's history, appeals) without a scan.
CREATE INDEX audit_by_entity ON audit_log (tenant_id, entity, audit_id);
