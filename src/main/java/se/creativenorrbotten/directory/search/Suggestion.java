package se.creativenorrbotten.directory.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Suggestion", description = "A completion for a search box: a skill or a member.")
public record Suggestion(
        @Schema(description = "The text to show and to search for. A skill is named in the language of Accept-Language"
                + " when that name matches what was typed, else in the other language.", examples = "Fotografi", maxLength = 120) String text,
        @Schema(description = "What the text names.", enumeration = {"skill", "member"}, examples = "skill") String kind,
        @Schema(description = "The skill's slug or the member's slug.", examples = "photography", maxLength = 80) String value) {
}
