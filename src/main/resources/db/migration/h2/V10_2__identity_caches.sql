-- The identity columns' sequences are H2 sequences too, with 32 numbers at hand by default, and each time those run
-- out H2 writes every page an open transaction has changed (see V10_1): an import of 20,000 members spent a sixth of
-- its time there, for the history entries and consent records. 1000 at hand, as for the change sequence; a crash
-- skips numbers, never gives one twice.
ALTER TABLE member_history ALTER COLUMN id SET CACHE 1000;
ALTER TABLE member_consent ALTER COLUMN id SET CACHE 1000;
ALTER TABLE import_problem ALTER COLUMN id SET CACHE 1000;
ALTER TABLE import_failed_row ALTER COLUMN id SET CACHE 1000;
