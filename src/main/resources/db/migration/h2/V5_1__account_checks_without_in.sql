-- H2 2.4.240 ties a CHECK with IN (...) to the session that created it (h2database/h2database#4302): once
-- the pool closes the connection the migrations ran on, every insert or update of the table fails with
-- "Check constraint invalid" until the database is reopened. The same check, spelled as the other H2
-- checks are (V1_1, V4_1); PostgreSQL keeps V5's.
ALTER TABLE account DROP CONSTRAINT account_role_check;
ALTER TABLE account ADD CONSTRAINT account_role_check CHECK (REGEXP_LIKE(role, '^(admin|curator)$'));
