-- What members seek and offer (issue 10): two sets of opportunity codes (member/Opportunity), each code at most
-- once per member. Members from before seek and offer nothing: no rows. No check on the code, as for the
-- social networks of member_social_link: the service is the one writer and validates it.
-- Portable SQL only (H2 2.x and PostgreSQL 15).
CREATE TABLE member_seeks (
    member_id   UUID        NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    opportunity VARCHAR(16) NOT NULL,
    PRIMARY KEY (member_id, opportunity)
);

CREATE TABLE member_offers (
    member_id   UUID        NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    opportunity VARCHAR(16) NOT NULL,
    PRIMARY KEY (member_id, opportunity)
);
