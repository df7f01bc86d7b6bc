package se.creativenorrbotten.directory.member.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Size;
import se.creativenorrbotten.directory.common.text.MultiLine;

/** The body of a status action: the reason (required to reject). */
@Schema(name = "StatusChange", description = "Why. Required to reject (it is kept in the history, never shown publicly);"
        + " optional to publish and archive.")
public record StatusChange(
        @Schema(maxLength = 1000, examples = "Not a creative business in Norrbotten.")
        @Size(max = 1000, message = MemberInput.TEXT_LENGTH) @MultiLine String reason) {
}
