package se.creativenorrbotten.directory.member.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a member's history, newest first. */
@Schema(name = "HistoryPage", description = "One page of a member's history, newest first.")
public record HistoryPage(
        @Schema(maxItems = 100) List<HistoryEntryView> items,
        @Schema(format = "int32", minimum = "1", maximum = "10000") int page,
        @Schema(format = "int32", minimum = "1", maximum = "100") int size,
        @Schema(format = "int64", minimum = "0", maximum = "9223372036854775807") long total) {
}
