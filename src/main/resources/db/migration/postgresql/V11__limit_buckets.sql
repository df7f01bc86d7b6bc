-- The limits' token buckets, shared by every instance on this database (common/limits/LimitStore, Bucket4j's
-- select-for-update proxy manager): the key (limit, capacity, period, client or user name), the bucket's state
-- as Bucket4j serialises it, and when the row may go (epoch milliseconds; a sweep deletes the expired ones).
-- H2 keeps its buckets in memory and has no such table. Additive: an instance of the previous version ignores it.
CREATE TABLE limit_bucket (
    id         VARCHAR(400) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX limit_bucket_expires_at ON limit_bucket (expires_at);
