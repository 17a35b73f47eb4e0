-- The factor an officer was paid the month before, kept with each run line when the run's
-- policy limits how far pay falls in a month, so the run computes again to what it paid.
ALTER TABLE tpp_run_officers ADD COLUMN previous_factor TEXT;
