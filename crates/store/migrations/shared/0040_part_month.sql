-- Under a policy that pays part of a month (part_month = "days"): the days an officer was
-- assigned and the days of the month, kept with the run and in its digest.
ALTER TABLE tpp_run_officers ADD COLUMN part_days INTEGER;
ALTER TABLE tpp_run_officers ADD COLUMN part_of INTEGER;
