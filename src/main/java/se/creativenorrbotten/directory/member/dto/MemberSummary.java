package se.creativenorrbotten.directory.member.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import se.creativenorrbotten.directory.common.validation.WebUrl;
import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.MemberType;
import se.creativenorrbotten.directory.member.Opportunity;

/** A member in a list: enough for a card; no personal contact data. Made by name, never by position. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "MemberSummary", description = "A member in a list or search result: enough to draw a card."
        + " Fetch the member for the full public view.")
public record MemberSummary(
        @Schema(format = "uuid", maxLength = 36) UUID id,
        @Schema(maxLength = 80, pattern = MemberInput.SLUG_PATTERN, examples = "asa-oberg-design") String slug,
        @Schema(maxLength = 120, examples = "Åsa Öberg Design") String name,
        MemberType type,
        @Schema(maxLength = 160) String headline,
        @Schema(maxLength = 4, pattern = MemberInput.MUNICIPALITY_PATTERN, examples = "2580") String municipality,
        @Schema(maxItems = 20) List<String> skills,
        @Schema(maxItems = 20) List<String> languages,
        @Schema(type = SchemaType.ARRAY, implementation = Opportunity.class, maxItems = 5,
                description = "What the member seeks, in a fixed order.") List<String> seeks,
        @Schema(type = SchemaType.ARRAY, implementation = Opportunity.class, maxItems = 5,
                description = "What the member offers, in a fixed order.") List<String> offers,
        @Schema(maxLength = WebUrl.MAX_LENGTH, format = "uri") String website,
        @Schema(maxLength = WebUrl.MAX_LENGTH, format = "uri") String logoUrl,
        boolean availableForWork,
        @Schema(maxLength = 40) Instant updatedAt,
        @Schema(description = "Present and true while a curator features the member.") Boolean featured,
        @Schema(description = "Only in curators' searches: the listing's status.") MemberStatus status,
        @Schema(description = "With a free-text query: the text that matched, safe to insert as HTML. Everything but the"
                + " <mark> tags around the matching parts is escaped.", maxLength = 2000,
                examples = "<mark>Foto</mark>grafi i Luleå")
        String highlight) {
}
