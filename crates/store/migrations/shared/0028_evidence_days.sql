-- The evidence rule asks on how many distinct days a unit's pay evidence was given, and for
-- the Krejcie–Morgan sample of its users: a run records both for the unit whose responses
-- decided (NULL in runs computed before, which did not apply them).
ALTER TABLE tpp_run_officers ADD COLUMN unit_days BIGINT;
ALTER TABLE tpp_run_officers ADD COLUMN unit_users BIGINT;

-- The payroll counts those days from the month's on-site answers of each unit, read from
-- this index alone.
CREATE INDEX responses_on_site_by_unit_day ON responses
    (tenant_id, period_month, unit_id, received_at_us, channel, response_id)
    WHERE channel IN ('kiosk', 'ticket');
