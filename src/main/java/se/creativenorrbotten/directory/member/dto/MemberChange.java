package se.creativenorrbotten.directory.member.dto;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One member's latest change in the change feed: its public view now, or that it is no longer public. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "MemberChange", description = "A member's latest change. upsert: the member is public, as member shows"
        + " it (the same public view as GET /api/v1/members/{id}); store it under id, replacing what you have. delete: the"
        + " member is not public (any more, or never was): remove it if you have it, nothing to do otherwise.")
public record MemberChange(
        @Schema(required = true, format = "uuid", maxLength = 36) UUID id,
        @Schema(required = true, enumeration = {MemberChange.UPSERT, MemberChange.DELETE}, maxLength = 6) String change,
        @Schema(description = "The public view; only with upsert.") PublicMemberView member,
        @Schema(required = true, maxLength = 40, description = "When what the public sees of the member last changed"
                + " (UTC), or when it was erased.") Instant changedAt) {

    public static final String UPSERT = "upsert";
    public static final String DELETE = "delete";

    public static MemberChange upsert(PublicMemberView member, Instant at) {
        return new MemberChange(member.id(), UPSERT, member, at);
    }

    public static MemberChange delete(UUID id, Instant at) {
        return new MemberChange(id, DELETE, null, at);
    }
}
