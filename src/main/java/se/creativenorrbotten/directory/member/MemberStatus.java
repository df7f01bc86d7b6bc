package se.creativenorrbotten.directory.member;

import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.common.persistence.CodedConverter;

/**
 * Where a listing is in its review. Only {@link #PUBLISHED} members exist for the public. The allowed
 * moves: pending → published or rejected; published → archived; archived → published.
 */
@Schema(name = "MemberStatus", description = "pending: submitted, awaiting review; published: public; rejected: refused"
        + " by a curator (final); archived: taken down, may be published again. Only published members are public.")
public enum MemberStatus implements Coded {
    PENDING("pending"),
    PUBLISHED("published"),
    REJECTED("rejected"),
    ARCHIVED("archived");

    private final String code;

    MemberStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The statuses a member in this one may move to. */
    public Set<MemberStatus> next() {
        return switch (this) {
            case PENDING -> Set.of(PUBLISHED, REJECTED);
            case PUBLISHED -> Set.of(ARCHIVED);
            case ARCHIVED -> Set.of(PUBLISHED);
            case REJECTED -> Set.of();
        };
    }

    @jakarta.persistence.Converter
    public static class DbConverter extends CodedConverter<MemberStatus> {
        public DbConverter() {
            super(MemberStatus.class);
        }
    }
}
