package se.creativenorrbotten.directory.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FacetValue", description = "One value of a facet and how many members would match with it selected.")
public record FacetValue(
        @Schema(description = "The value, as used in the filter parameter.", examples = "2580", maxLength = 60) String value,
        @Schema(description = "The value's display name in the language of Accept-Language (Swedish unless English is"
                + " preferred).", examples = "Luleå", maxLength = 120) String label,
        @Schema(description = "Members matching every filter except this facet's own, with this value.", examples = "12",
                format = "int64", minimum = "0", maximum = "100000000") long count) {
}
