-- The units whose evidence judged a unit head who does not serve the public, when the run's
-- policy judges such heads on the units they lead (JSON array of unit codes; NULL otherwise),
-- so the run computes again to what it paid and the explanation can name them.
ALTER TABLE tpp_run_officers ADD COLUMN led_units TEXT;
