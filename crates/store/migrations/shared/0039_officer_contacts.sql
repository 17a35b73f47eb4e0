-- Where an officer's first sign-in is mailed: the personnel list's e-mail column. Not pay
-- data; each change is an audit entry, and an account made for the officer takes it.
CREATE TABLE officer_contacts (
    tenant_id TEXT NOT NULL,
    nip TEXT NOT NULL,
    email TEXT NOT NULL,
    PRIMARY KEY (tenant_id, nip)
);
