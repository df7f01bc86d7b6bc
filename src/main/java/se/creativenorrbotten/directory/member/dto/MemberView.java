package se.creativenorrbotten.directory.member.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import se.creativenorrbotten.directory.common.validation.WebUrl;
import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.MemberType;
import se.creativenorrbotten.directory.member.Opportunity;

/** The full record of a member, as curators see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Member", description = "The full record of a member, as curators see it. See MemberInput for the meaning"
        + " and constraints of each writable property.")
public record MemberView(
        @Schema(readOnly = true, description = "Server-assigned identifier.", format = "uuid", maxLength = 36,
                examples = "3f2b8c1e-8a7d-4c1e-9b1a-2f4e5d6c7b8a")
        UUID id,
        @Schema(readOnly = true, description = "Readable identifier made from the name at creation; stays when the name changes.",
                examples = "asa-oberg-design", pattern = MemberInput.SLUG_PATTERN, maxLength = 80)
        String slug,
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
        @Schema(maxLength = 254, format = "email") String email,
        @Schema(maxLength = 32) String phone,
        boolean contactPublic,
        @Schema(maxLength = 11, pattern = MemberInput.ORGANISATION_NUMBER_PATTERN) String organisationNumber,
        @Schema(maxLength = 120) String school,
        @Schema(format = "int32", minimum = "1950", maximum = "2100") Integer graduationYear,
        @Schema(format = "int32", minimum = "1800", maximum = "2100") Integer foundedYear,
        boolean availableForWork,
        @Schema(readOnly = true, description = "When the member was created (UTC).", maxLength = 40) Instant createdAt,
        @Schema(readOnly = true, description = "When the member was last changed (UTC).", maxLength = 40) Instant updatedAt,
        @Schema(readOnly = true, description = "Incremented by every change; the ETag is this number in quotes.",
                format = "int64", minimum = "0", maximum = "9223372036854775807")
        long version,
        MemberStatus status,
        @Schema(description = "The reason given with the latest reject or archive action.", maxLength = 1000)
        String statusReason,
        @Schema(description = "Featured through this day (Swedish time); absent when not featured.", format = "date",
                maxLength = 10, examples = "2027-01-31")
        LocalDate featuredUntil,
        @Schema(maxLength = MemberInput.MAX_NOTES, description = "Curators' internal notes; never public.") String notes,
        @Schema(description = "The member's current consents, each as last given or withdrawn.", maxItems = 10)
        List<ConsentView> consents) {

    /** Which view of a member this is: always {@value MemberRepresentation#CURATOR} here. */
    @JsonProperty(value = MemberRepresentation.VIEW_PROPERTY, index = 0)
    @Schema(name = MemberRepresentation.VIEW_PROPERTY, required = true, enumeration = MemberRepresentation.CURATOR,
            description = "Which view this is: curator for the full record, as curators see it (public for the other view of a member).")
    public String view() {
        return MemberRepresentation.CURATOR;
    }
}
