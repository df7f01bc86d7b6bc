package se.creativenorrbotten.directory.partner.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PartnerKeyPage", description = "One page of partner keys, by name.")
public record PartnerKeyPage(
        @Schema(required = true, maxItems = 100) List<PartnerKeyView> items,
        @Schema(required = true, description = "The page number, from 1.", format = "int32", minimum = "1", maximum = "10000",
                examples = "1") int page,
        @Schema(required = true, description = "The page size.", format = "int32", minimum = "1", maximum = "100",
                examples = "20") int size,
        @Schema(required = true, description = "How many keys there are in all.", format = "int64", minimum = "0",
                maximum = "1000000", examples = "3") long total) {
}
