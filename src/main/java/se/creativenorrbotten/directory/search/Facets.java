package se.creativenorrbotten.directory.search;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Facets", description = "Disjunctive facet counts: each facet's counts apply every filter except that"
        + " facet's own, so a selected value's alternatives keep their counts. municipality lists all 14 (zeros included),"
        + " type all three, skill the top facetSize values plus every selected one, language every value with members,"
        + " seeks and offers all five (zeros included) in a fixed order: assignments, employment, internship, collaboration,"
        + " mentoring.")
public record Facets(
        @Schema(maxItems = 3) List<FacetValue> type,
        @Schema(maxItems = 200) List<FacetValue> skill,
        @Schema(maxItems = 14) List<FacetValue> municipality,
        @Schema(maxItems = 200) List<FacetValue> language,
        @Schema(maxItems = 5) List<FacetValue> seeks,
        @Schema(maxItems = 5) List<FacetValue> offers) {

    /** One facet's values. */
    List<FacetValue> values(Facet facet) {
        return switch (facet) {
            case TYPE -> type;
            case SKILL -> skill;
            case MUNICIPALITY -> municipality;
            case LANGUAGE -> language;
            case SEEKS -> seeks;
            case OFFERS -> offers;
        };
    }

    static Facets of(java.util.Map<Facet, List<FacetValue>> facets) {
        return new Facets(facets.get(Facet.TYPE), facets.get(Facet.SKILL), facets.get(Facet.MUNICIPALITY),
                facets.get(Facet.LANGUAGE), facets.get(Facet.SEEKS), facets.get(Facet.OFFERS));
    }
}
