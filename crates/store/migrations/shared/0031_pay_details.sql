-- What finance needs to pay an officer, from the personnel list: golongan/ruang, NPWP, bank
-- and account number. Audit-logged with the rest of the officer and replayed by verify.
ALTER TABLE officers ADD COLUMN rank TEXT NOT NULL DEFAULT '';
ALTER TABLE officers ADD COLUMN npwp TEXT NOT NULL DEFAULT '';
ALTER TABLE officers ADD COLUMN bank TEXT NOT NULL DEFAULT '';
ALTER TABLE officers ADD COLUMN account_number TEXT NOT NULL DEFAULT '';
