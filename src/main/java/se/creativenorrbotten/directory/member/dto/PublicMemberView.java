package se.creativenorrbotten.directory.member.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import se.creativenorrbotten.directory.common.validation.WebUrl;
import se.creativenorrbotten.directory.member.MemberType;
import se.creativenorrbotten.directory.member.Opportunity;

/** A member as the public sees it: email and phone only with the member's consent (contactPublic). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PublicMember", description = "A member as the public sees it. email and phone are present only when the"
        + " member consented to show them; the organisation number appears for agencies only.")
public record PublicMemberView(
        @Schema(format = "uuid", maxLength = 36) UUID id,
        @Schema(maxLength = 80, pattern = MemberInput.SLUG_PATTERN, examples = "asa-oberg-design") String slug,
        @Schema(maxLength = 120, examples = "Åsa Öberg Design") String name,
        MemberType type,
        @Schema(maxLength = 160) String headline,
        @Schema(maxLength = 5000) String description,
        @Schema(maxLength = 4, pattern = MemberInput.MUNICIPALITY_PATTERN, examples = "2580") String municipality,
        @Schema(maxItems = 14) List<String> serviceArea,
        @Schema(maxItems = 20) List<String> skills,
        @Schema(maxItems = 20) List<String> languages,
        @Schema(maxItems = 5) List<Opportunity> seeks,
        @Schema(maxItems = 5) List<Opportunity> offers,
        @Schema(maxLength = WebUrl.MAX_LENGTH, format = "uri") String website,
        @Schema(maxLength = WebUrl.MAX_LENGTH, format = "uri") String logoUrl,
        @Schema(maxItems = 10) List<String> portfolioLinks,
        @Schema(maxItems = 10) List<SocialLinkDto> socialLinks,
        @Schema(maxLength = 254, format = "email", description = "Only with the member's consent.") String email,
        @Schema(maxLength = 32, description = "Only with the member's consent.") String phone,
        @Schema(maxLength = 11, pattern = MemberInput.ORGANISATION_NUMBER_PATTERN, description = "Agencies only.")
        String organisationNumber,
        @Schema(maxLength = 120) String school,
        @Schema(format = "int32", minimum = "1950", maximum = "2100") Integer graduationYear,
        @Schema(format = "int32", minimum = "1800", maximum = "2100") Integer foundedYear,
        boolean availableForWork,
        @Schema(maxLength = 40) Instant createdAt,
        @Schema(maxLength = 40, description = "When what the public sees of the member last changed (UTC); curators'"
                + " private edits do not change it.") Instant updatedAt,
        @Schema(format = "int64", minimum = "0", maximum = "9223372036854775807", description = "The version of the public"
                + " view: it counts only changes the public can see. The ETag is this number with -public.") long version,
        @Schema(description = "True while a curator features the member.") boolean featured) {

    /** Which view of a member this is: always {@value MemberRepresentation#PUBLIC} here. */
    @JsonProperty(value = MemberRepresentation.VIEW_PROPERTY, index = 0)
    @Schema(name = MemberRepresentation.VIEW_PROPERTY, required = true, enumeration = MemberRepresentation.PUBLIC,
            description = "Which view this is: public for the public view (curator for the other view of a member).")
    public String view() {
        return MemberRepresentation.PUBLIC;
    }
}
