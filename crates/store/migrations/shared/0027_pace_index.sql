-- The pace rule (suara_domain::tpp::pace) reads every on-site answer naming an officer in the
-- month of a payroll run: their own small index, read without touching the table.
CREATE INDEX responses_on_site_by_month ON responses
    (tenant_id, period_month, officer_nip, received_at_us, channel, response_id)
    WHERE officer_nip IS NOT NULL AND channel IN ('kiosk', 'ticket');
