package se.creativenorrbotten.directory.member.dto;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import se.creativenorrbotten.directory.member.HistoryAction;

/** One line of a member's history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "HistoryEntry", description = "Who did what to a member when: a field's old and new value (action"
        + " updated), or a status action with its reason. Values are as the member's JSON shows them.")
public record HistoryEntryView(
        @Schema(format = "int64", minimum = "1", maximum = "9223372036854775807") long id,
        @Schema(maxLength = 40) Instant at,
        @Schema(description = "The curator's user name, or applicant for a self-submission.", maxLength = 64) String actor,
        HistoryAction action,
        @Schema(description = "The property that changed (MemberInput's names; status, featuredUntil).", maxLength = 40)
        String field,
        @Schema(description = "The value before (absent: none).") JsonNode oldValue,
        @Schema(description = "The value after (absent: none).") JsonNode newValue,
        @Schema(maxLength = 1000) String reason) {
}
