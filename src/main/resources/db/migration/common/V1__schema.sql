-- The directory's schema. Flyway owns it; Hibernate only validates it.
-- Portable SQL only (H2 2.x and PostgreSQL 15); vendor-specific SQL lives in db/migration/<db-kind>.

CREATE TABLE municipality (
    code      VARCHAR(4)       NOT NULL PRIMARY KEY,
    name      VARCHAR(60)      NOT NULL,
    latitude  DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL
);

CREATE TABLE skill (
    slug    VARCHAR(60) NOT NULL PRIMARY KEY,
    name_sv VARCHAR(80) NOT NULL,
    name_en VARCHAR(80) NOT NULL,
    branch  VARCHAR(40) NOT NULL
);

CREATE SEQUENCE member_change_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE member (
    id                  UUID                     NOT NULL PRIMARY KEY,
    slug                VARCHAR(80)              NOT NULL,
    name                VARCHAR(120)             NOT NULL,
    type                VARCHAR(16)              NOT NULL,
    headline            VARCHAR(160),
    description         VARCHAR(5000),
    municipality_code   VARCHAR(4)               NOT NULL REFERENCES municipality (code),
    website             VARCHAR(2048),
    logo_url            VARCHAR(2048),
    email               VARCHAR(254),
    phone               VARCHAR(32),
    contact_public      BOOLEAN                  NOT NULL,
    organisation_number VARCHAR(11),
    school              VARCHAR(120),
    graduation_year     INTEGER,
    founded_year        INTEGER,
    available_for_work  BOOLEAN                  NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT                   NOT NULL,
    change_seq          BIGINT                   NOT NULL,
    CONSTRAINT member_slug_unique UNIQUE (slug),
    CONSTRAINT member_type_check CHECK (type IN ('agency', 'student', 'freelancer'))
);
CREATE INDEX member_municipality_idx ON member (municipality_code);
CREATE INDEX member_change_seq_idx ON member (change_seq);

CREATE TABLE member_skill (
    member_id  UUID        NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    position   INTEGER     NOT NULL,
    skill_slug VARCHAR(60) NOT NULL REFERENCES skill (slug),
    PRIMARY KEY (member_id, position)
);
CREATE INDEX member_skill_skill_idx ON member_skill (skill_slug);

CREATE TABLE member_service_area (
    member_id         UUID       NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    position          INTEGER    NOT NULL,
    municipality_code VARCHAR(4) NOT NULL REFERENCES municipality (code),
    PRIMARY KEY (member_id, position)
);

CREATE TABLE member_language (
    member_id     UUID       NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    position      INTEGER    NOT NULL,
    language_code VARCHAR(3) NOT NULL,
    PRIMARY KEY (member_id, position)
);

CREATE TABLE member_portfolio_link (
    member_id UUID          NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    position  INTEGER       NOT NULL,
    url       VARCHAR(2048) NOT NULL,
    PRIMARY KEY (member_id, position)
);

CREATE TABLE member_social_link (
    member_id UUID          NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    position  INTEGER       NOT NULL,
    network   VARCHAR(20)   NOT NULL,
    url       VARCHAR(2048) NOT NULL,
    PRIMARY KEY (member_id, position)
);

-- What is left of a deleted member: enough for partner sites to sync the deletion, nothing personal.
CREATE TABLE member_tombstone (
    member_id  UUID                     NOT NULL PRIMARY KEY,
    deleted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    change_seq BIGINT                   NOT NULL
);

CREATE TABLE account (
    id            UUID                     NOT NULL PRIMARY KEY,
    username      VARCHAR(64)              NOT NULL,
    password_hash VARCHAR(100)             NOT NULL,
    role          VARCHAR(20)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_username_unique UNIQUE (username)
);
