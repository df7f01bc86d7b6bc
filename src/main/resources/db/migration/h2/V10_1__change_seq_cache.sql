-- H2 writes a sequence's state, and with it every page any open transaction has changed, each time the numbers it
-- keeps at hand run out (32 by default): in an import of thousands of members, most of the time went there. 1000 at
-- hand: a crash skips at most that many numbers of the change sequence, which (like a rolled-back write's) are gaps
-- that no member has, never numbers given twice. PostgreSQL keeps its default (1): its cache is per connection, so
-- numbers would be handed out of order across connections.
ALTER SEQUENCE member_change_seq CACHE 1000;
