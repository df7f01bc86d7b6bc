-- H2 2.4.240 ties a CHECK with IN (...) (or ORs of equalities, which it rewrites to IN) to the session that
-- created it (h2database/h2database#4302): once the pool closes the connection the migrations ran on, every
-- insert or update of the table fails with "Check constraint invalid" until the database is reopened.
-- The same checks, spelled as the other H2 checks are (V1_1); PostgreSQL keeps V1's and V4's.
ALTER TABLE member DROP CONSTRAINT member_type_check;
ALTER TABLE member ADD CONSTRAINT member_type_check CHECK (REGEXP_LIKE(type, '^(agency|student|freelancer)$'));
ALTER TABLE member DROP CONSTRAINT member_status_check;
ALTER TABLE member ADD CONSTRAINT member_status_check
    CHECK (REGEXP_LIKE(status, '^(pending|published|rejected|archived)$'));
