-- Partner keys (issue 9): a partner site's own limit and origins. The key itself is never stored, only its
-- SHA-256 (hex); key_prefix (its first characters) lets an admin tell keys apart. origins: the allowed
-- origins separated by single spaces (an origin has no space), at most 20 of at most 200 characters.
-- last_used_at is written at most about once a minute per key (partner/PartnerKeyRegistry).
-- Portable SQL only (H2 2.x and PostgreSQL 15); no CHECK with IN (...) (see V5_1 for H2).
CREATE TABLE partner_key (
    id UUID PRIMARY KEY,
    key_hash VARCHAR(64) NOT NULL,
    key_prefix VARCHAR(12) NOT NULL,
    name VARCHAR(100) NOT NULL,
    contact VARCHAR(200) NOT NULL,
    requests_per_minute INTEGER NOT NULL,
    origins VARCHAR(4200) NOT NULL,
    enabled BOOLEAN DEFAULT TRUE NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT partner_key_hash_unique UNIQUE (key_hash),
    CONSTRAINT partner_key_requests_per_minute_check CHECK (requests_per_minute BETWEEN 1 AND 1000000)
);
