-- Private edits stay private (issue 8): the public view gets a version and a date of its own, changed only
-- when what the public sees changes; existing members start from their current version and date, so their
-- public ETags stay as they were. And look-alike names: the key of each name's skeleton (common/text/Names),
-- computed by the service (MemberUpgrade fills it in for members from before). Portable SQL (H2 2.x and
-- PostgreSQL 15).

ALTER TABLE member ADD COLUMN public_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE member ADD COLUMN public_updated_at TIMESTAMP WITH TIME ZONE;
UPDATE member SET public_version = version, public_updated_at = updated_at;
ALTER TABLE member ALTER COLUMN public_updated_at SET NOT NULL;

ALTER TABLE member ADD COLUMN name_skeleton VARCHAR(64);
CREATE INDEX member_name_skeleton_idx ON member (name_skeleton);
