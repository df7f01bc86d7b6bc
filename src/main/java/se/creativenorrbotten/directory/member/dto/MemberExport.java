package se.creativenorrbotten.directory.member.dto;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Everything the directory holds about a member (GDPR articles 15 and 20). */
@Schema(name = "MemberExport", description = "Everything the directory holds about a member, for a subject access"
        + " request or data portability (GDPR articles 15 and 20): the full record, every consent given or withdrawn, and"
        + " the whole history.")
public record MemberExport(
        @Schema(maxLength = 40) Instant exportedAt,
        @Schema(maxLength = 200, examples = "Creative Norrbotten member directory") String controller,
        MemberView member,
        @Schema(maxItems = 100000) List<ConsentView> consents,
        @Schema(maxItems = 100000) List<HistoryEntryView> history) {
}
