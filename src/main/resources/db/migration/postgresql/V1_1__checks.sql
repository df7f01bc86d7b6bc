-- PostgreSQL spelling of the format checks that the database enforces beside the API's validation.
ALTER TABLE member ADD CONSTRAINT member_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE member ADD CONSTRAINT member_organisation_number_format
    CHECK (organisation_number IS NULL OR organisation_number ~ '^[0-9]{2}[2-9][0-9]{3}-[0-9]{4}$');
ALTER TABLE skill ADD CONSTRAINT skill_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
