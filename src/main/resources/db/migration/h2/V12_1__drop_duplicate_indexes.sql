-- H2 gives every foreign key an index of exactly its columns, made with the key when no such index exists yet. Two of
-- the schema's own indexes duplicate one of those, so every insert wrote both:
--   member_skill_skill_idx (skill_slug): the foreign key to skill already has an index of skill_slug;
--   member_consent_member_idx (member_id, id): the foreign key to member already has an index of member_id, and an H2
--   index holds the row's key with each entry (for member_consent its id), so it reads in the same order.
-- A bulk import writes about 10 % fewer index entries without them (bench/README.md). PostgreSQL makes no index for a
-- foreign key: there both stay (db/migration/common).
DROP INDEX member_skill_skill_idx;
DROP INDEX member_consent_member_idx;
