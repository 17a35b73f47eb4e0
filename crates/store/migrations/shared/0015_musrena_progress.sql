-- After the budget: dated progress entries (append-only) until the work is complete, each
-- with the share done, the rupiah spent so far, a note and optionally a photo.
CREATE TABLE musrena_progress (
    tenant_id    TEXT NOT NULL,
    code         TEXT NOT NULL,
    entry_no     BIGINT NOT NULL,
    on_date      TEXT NOT NULL,
    percent      BIGINT NOT NULL,
    spent        BIGINT NOT NULL,
    note         TEXT NOT NULL,
    photo_type   TEXT,
    photo        BYTEA,
    actor        TEXT NOT NULL,
    at_us        BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, code, entry_no)
);
