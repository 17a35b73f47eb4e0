-- An account whose password someone else chose (made by the administrator, reset, or made
-- from the officer list with a one-time password) must change it before anything else.
ALTER TABLE accounts ADD COLUMN must_change_password BIGINT NOT NULL DEFAULT 0;
