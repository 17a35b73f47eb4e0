-- Who signs a unit's payable list: the head of the unit and the treasurer (Bendahara
-- Pengeluaran), by NIP, from the units' list. Audit-logged with the rest of the unit.
ALTER TABLE units ADD COLUMN head_nip TEXT;
ALTER TABLE units ADD COLUMN treasurer_nip TEXT;
