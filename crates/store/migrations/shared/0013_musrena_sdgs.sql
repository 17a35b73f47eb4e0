-- SDG targets a Musrena proposal serves, comma-separated (`3.8,16.6`), the same list
-- innovations use.
ALTER TABLE musrena_proposals ADD COLUMN sdgs TEXT NOT NULL DEFAULT '';
