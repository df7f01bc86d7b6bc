package se.creativenorrbotten.directory.search;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import jakarta.ws.rs.QueryParam;
import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.MemberType;
import se.creativenorrbotten.directory.member.Opportunity;
import se.creativenorrbotten.directory.member.dto.MemberInput;

/**
 * The search parameters as the caller sent them, before validation: the one place that names each query parameter
 * and documents it in the contract. {@link SearchService#parse} turns them into a {@link MemberQuery}; the keyword
 * filters among them are read through their {@link Facet}.
 */
public record SearchRequest(
        @Parameter(description = "Free text over name, headline, description, skill names (Swedish and English) and"
                + " municipality names. Any character is searched as text. Example: foto lulea.",
                schema = @Schema(type = SchemaType.STRING, maxLength = MemberQuery.MAX_TEXT_LENGTH))
        @QueryParam("q") String q,
        @Parameter(description = "Only members of these types.",
                schema = @Schema(type = SchemaType.ARRAY, implementation = MemberType.class, maxItems = MemberQuery.MAX_TYPES))
        @QueryParam("type") List<String> type,
        @Parameter(description = "Only members with any of these skills (slugs); with skillMatch=all, with all of them.",
                schema = @Schema(type = SchemaType.ARRAY, maxItems = MemberQuery.MAX_SKILLS, implementation = String.class))
        @QueryParam("skill") List<String> skill,
        @Parameter(description = "any (default) or all: how several skill values combine.",
                schema = @Schema(type = SchemaType.STRING, enumeration = {"any", "all"}, defaultValue = "any"))
        @QueryParam("skillMatch") String skillMatch,
        @Parameter(description = "Only members based in one of these municipalities (SCB codes).",
                schema = @Schema(type = SchemaType.ARRAY, maxItems = MemberQuery.MAX_MUNICIPALITIES, implementation = String.class))
        @QueryParam("municipality") List<String> municipality,
        @Parameter(description = "Only members who work in one of these languages (ISO 639 codes).",
                schema = @Schema(type = SchemaType.ARRAY, maxItems = MemberQuery.MAX_LANGUAGES, implementation = String.class))
        @QueryParam("language") List<String> language,
        @Parameter(description = "Only members who seek any of these (assignments, employment, internship, collaboration,"
                + " mentoring); with offers, members who do both.",
                schema = @Schema(type = SchemaType.ARRAY, implementation = Opportunity.class, maxItems = MemberQuery.MAX_OPPORTUNITIES))
        @QueryParam("seeks") List<String> seeks,
        @Parameter(description = "Only members who offer any of these (assignments, employment, internship, collaboration,"
                + " mentoring): e.g. offers=internship for agencies taking interns.",
                schema = @Schema(type = SchemaType.ARRAY, implementation = Opportunity.class, maxItems = MemberQuery.MAX_OPPORTUNITIES))
        @QueryParam("offers") List<String> offers,
        @Parameter(description = "Only members based in or serving this municipality (SCB code), e.g. 2581.",
                schema = @Schema(type = SchemaType.STRING, maxLength = 4, pattern = MemberInput.MUNICIPALITY_PATTERN))
        @QueryParam("serves") String serves,
        @Parameter(description = "true: only members open for assignments; false: only those who are not.",
                schema = @Schema(type = SchemaType.BOOLEAN))
        @QueryParam("available") String available,
        @Parameter(description = "relevance (default with q), name (default without q; Swedish order: … z, å, ä, ö),"
                + " -name, newest, updated, distance (with near).",
                schema = @Schema(type = SchemaType.STRING, implementation = SearchSort.class))
        @QueryParam("sort") String sort,
        @Parameter(description = "With sort=distance: the municipality (SCB code, e.g. 2580) whose town centre distances are"
                + " measured from.",
                schema = @Schema(type = SchemaType.STRING, maxLength = 4, pattern = MemberInput.MUNICIPALITY_PATTERN))
        @QueryParam("near") String near,
        @Parameter(description = "Page number, from 1. page × size may not exceed 10000.", example = "1",
                schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "10000", defaultValue = "1"))
        @QueryParam("page") String page,
        @Parameter(description = "Page size, 1 to 100.", example = "20",
                schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
        @QueryParam("size") String size,
        @Parameter(description = "How many skill facet values to return (the most frequent; selected ones are always added).",
                example = "20",
                schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
        @QueryParam("facetSize") String facetSize,
        @Parameter(description = "true: only members featured today; false: only those who are not.",
                schema = @Schema(type = SchemaType.BOOLEAN))
        @QueryParam("featured") String featured,
        @Parameter(description = "Curators only (401 without credentials): members in these statuses instead of the"
                + " published ones.",
                schema = @Schema(type = SchemaType.ARRAY, implementation = MemberStatus.class, maxItems = MemberQuery.MAX_STATUSES))
        @QueryParam("status") List<String> status,
        @Parameter(description = "Curators only (401 without credentials): true lists the members not updated for"
                + " the stale period (DIRECTORY_CURATION_STALE_AFTER, default 24 months), for review.",
                schema = @Schema(type = SchemaType.BOOLEAN))
        @QueryParam("stale") String stale) {

    public SearchRequest {
        type = listOf(type);
        skill = listOf(skill);
        municipality = listOf(municipality);
        language = listOf(language);
        seeks = listOf(seeks);
        offers = listOf(offers);
        status = listOf(status);
    }

    private static List<String> listOf(List<String> values) {
        return values == null ? List.of() : values;
    }

    /** Whether the caller asks what only curators may (other statuses, stale listings). */
    boolean curatorQuery() {
        return !status.isEmpty() || stale != null;
    }
}
