-- Accounts become manageable (curation issue): an account can be disabled, records when it last
-- changed, and has one of the two roles. User names are matched in lower case. Portable SQL only
-- (H2 2.x and PostgreSQL 15). V4 is taken by another change of the same issue.

-- Only the first admin (AdminBootstrap) existed before, so lower-casing cannot collide.
UPDATE account SET username = LOWER(username) WHERE username <> LOWER(username);

ALTER TABLE account ADD COLUMN enabled BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE account ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
UPDATE account SET updated_at = created_at;
ALTER TABLE account ALTER COLUMN updated_at SET NOT NULL;

ALTER TABLE account ADD CONSTRAINT account_role_check CHECK (role IN ('admin', 'curator'));
ALTER TABLE account ADD CONSTRAINT account_username_lower_case CHECK (username = LOWER(username));
