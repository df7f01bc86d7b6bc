package se.creativenorrbotten.directory.taxonomy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Municipality", description = "A municipality of Norrbotten with its town centre and how many members are based there.")
public record MunicipalityView(
        @Schema(description = "The official SCB municipality code (four digits, a string).", examples = "2580",
                pattern = "^25[0-9]{2}$", maxLength = 4, minLength = 4)
        String code,
        @Schema(description = "The municipality's name.", examples = "Luleå", maxLength = 60)
        String name,
        @Schema(description = "Latitude of the town centre (WGS84).", examples = "65.5831", minimum = "-90", maximum = "90", format = "double")
        double latitude,
        @Schema(description = "Longitude of the town centre (WGS84).", examples = "22.146", minimum = "-180", maximum = "180", format = "double")
        double longitude,
        @Schema(description = "Members based in the municipality.", examples = "12", minimum = "0", maximum = "100000000", format = "int64")
        long memberCount) {
}
