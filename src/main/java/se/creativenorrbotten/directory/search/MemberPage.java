package se.creativenorrbotten.directory.search;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.creativenorrbotten.directory.member.dto.MemberSummary;

@Schema(name = "MemberPage", description = "One page of members, with the facet counts of the whole result.")
public record MemberPage(
        @Schema(maxItems = 100) List<MemberSummary> items,
        @Schema(description = "The page number, from 1.", format = "int32", minimum = "1", maximum = "10000", examples = "1") int page,
        @Schema(description = "The page size.", format = "int32", minimum = "1", maximum = "100", examples = "20") int size,
        @Schema(description = "How many members match in all.", format = "int64", minimum = "0", maximum = "100000000",
                examples = "57") long total,
        Facets facets) {
}
