package se.creativenorrbotten.directory.search;

import java.util.function.Supplier;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import se.creativenorrbotten.directory.common.http.DisplayLanguage;
import se.creativenorrbotten.directory.common.http.PublicCaching;
import se.creativenorrbotten.directory.common.http.VariesByLanguage;
import se.creativenorrbotten.directory.security.Roles;

/** Searching the members: GET /members (list, filter, facets) and GET /members/suggest (search-box completions). */
@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members")
public class MemberSearchResource {

    /** The Accept-Language parameter of the operations whose answers carry labels (facets, suggestions). */
    public static final String LABEL_LANGUAGE_DOC = "The language of the labels (facet values, skill suggestions): sv"
            + " (the default) or en; the one with the higher q wins, anything else gives Swedish. Example: en-GB,en;q=0.9.";

    private final SearchService search;
    private final SecurityIdentity caller;

    public MemberSearchResource(SearchService search, SecurityIdentity caller) {
        this.search = search;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @VariesByLanguage
    @Operation(operationId = "searchMembers", summary = "Search and list members",
            description = "Free text (q) is Swedish-aware: case- and diacritic-insensitive (lulea finds Luleå), word-prefix"
                    + " (foto finds fotograf), every word must match, one typo is tolerated in words of five letters or more."
                    + " An exact match ranks above a folded one, a folded one above a typo; a match in the name above one in"
                    + " the headline, above the description. Filters are repeatable: values of one filter are OR-ed"
                    + " (skills AND-ed with skillMatch=all), different filters AND-ed. Facet counts are disjunctive."
                    + " Every order ends with the member id, so paging neither repeats nor skips. Public: only published"
                    + " members. Curators may also ask for other statuses (status) and for stale listings (stale).")
    @APIResponse(responseCode = "200", description = "One page of members with facet counts.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberPage.class),
                    examples = @ExampleObject(name = "page", value = SearchExamples.PAGE)))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response search(@BeanParam SearchRequest parameters,
            @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.ACCEPT_LANGUAGE, description = LABEL_LANGUAGE_DOC,
                    example = "en", schema = @Schema(type = SchemaType.STRING, maxLength = 512))
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Context HttpHeaders headers, @Context Request request) {
        if (parameters.curatorQuery() && !Roles.isCurator(caller)) {
            throw new UnauthorizedException();
        }
        DisplayLanguage labels = DisplayLanguage.of(acceptLanguage);
        MemberQuery query = search.query(parameters);
        if (!PublicCaching.isPublicRead(request.getMethod(), headers)) {
            return Response.ok(search.search(query, labels)).build();
        }
        // Checked before searching: a partner's repeated query costs no search while the index is unchanged.
        return cached(search.tag(query, labels), headers, () -> search.search(query, labels));
    }

    /** 304 when the caller has the answer tagged {@code tag}, else the answer (Vary: Accept-Language by @VariesByLanguage). */
    private static Response cached(EntityTag tag, HttpHeaders headers, Supplier<Object> answer) {
        return (PublicCaching.notModified(headers, tag.toString()) ? Response.notModified(tag) : Response.ok(answer.get()).tag(tag))
                .build();
    }

    @GET
    @Path("/suggest")
    @PermitAll
    @VariesByLanguage
    @Operation(operationId = "suggestMembers", summary = "Complete a search box",
            description = "Up to 10 completions for what has been typed: matching skills first, then member names."
                    + " Diacritic- and typo-tolerant like the search. Public.")
    @APIResponse(responseCode = "200", description = "The completions.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestionList.class),
                    examples = @ExampleObject(name = "suggestions", value = SearchExamples.SUGGESTIONS)))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response suggest(@Parameter(description = "What has been typed so far.", example = "fo", required = true,
            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 100)) @QueryParam("q") String q,
            @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.ACCEPT_LANGUAGE, description = LABEL_LANGUAGE_DOC,
                    example = "en", schema = @Schema(type = SchemaType.STRING, maxLength = 512))
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Context HttpHeaders headers, @Context Request request) {
        DisplayLanguage labels = DisplayLanguage.of(acceptLanguage);
        if (!PublicCaching.isPublicRead(request.getMethod(), headers)) {
            return Response.ok(search.suggest(q, labels)).build();
        }
        return cached(search.suggestTag(q, labels), headers, () -> search.suggest(q, labels));
    }
}
