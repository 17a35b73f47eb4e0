-- What the evidence of sources the inspectorate had not confirmed would have paid, when it
-- moved the officer's TPP by more than the policy allows and was set aside (NULL otherwise).
ALTER TABLE tpp_run_officers ADD COLUMN set_aside_amount BIGINT;
-- Each officer's rank, NPWP, bank and account as they were when the run was computed: the
-- payable list and the bank file pay what was approved, not what the officer list says
-- later (NULL in runs stored before).
ALTER TABLE tpp_run_officers ADD COLUMN pay_rank TEXT;
ALTER TABLE tpp_run_officers ADD COLUMN pay_npwp TEXT;
ALTER TABLE tpp_run_officers ADD COLUMN pay_bank TEXT;
ALTER TABLE tpp_run_officers ADD COLUMN pay_account TEXT;
