-- A random identity of this database, so that a search index can tell whether it was built from it.
CREATE TABLE directory_instance (id VARCHAR(36) NOT NULL PRIMARY KEY);
INSERT INTO directory_instance (id) VALUES (gen_random_uuid()::text);
CREATE INDEX member_tombstone_change_seq_idx ON member_tombstone (change_seq);
