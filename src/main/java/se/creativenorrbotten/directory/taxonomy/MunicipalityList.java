package se.creativenorrbotten.directory.taxonomy;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MunicipalityList", description = "All 14 municipalities of Norrbotten.")
public record MunicipalityList(@Schema(maxItems = 14) List<MunicipalityView> items) {
}
