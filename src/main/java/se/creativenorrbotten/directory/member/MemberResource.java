package se.creativenorrbotten.directory.member;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import se.creativenorrbotten.directory.common.http.DisplayLanguage;
import se.creativenorrbotten.directory.common.http.PublicCaching;
import se.creativenorrbotten.directory.common.http.VariesByLanguage;
import se.creativenorrbotten.directory.common.json.MergePatch;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.problem.ProblemMappers;
import se.creativenorrbotten.directory.member.dto.MemberChangePage;
import se.creativenorrbotten.directory.member.dto.MemberInput;
import se.creativenorrbotten.directory.member.dto.MemberRepresentation;
import se.creativenorrbotten.directory.member.dto.MemberView;
import se.creativenorrbotten.directory.member.dto.PublicMemberView;
import se.creativenorrbotten.directory.search.MemberPage;
import se.creativenorrbotten.directory.search.MemberQuery;
import se.creativenorrbotten.directory.search.SearchRequest;
import se.creativenorrbotten.directory.search.SearchService;
import se.creativenorrbotten.directory.search.SearchSort;
import se.creativenorrbotten.directory.search.SuggestionList;
import se.creativenorrbotten.directory.security.Roles;

@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members")
public class MemberResource {

    public static final String ID_DOC = "The member's id (UUID).";
    /** The Accept-Language parameter of the operations whose answers carry labels (facets, suggestions). */
    public static final String LABEL_LANGUAGE_DOC = "The language of the labels (facet values, skill suggestions): sv"
            + " (the default) or en; the one with the higher q wins, anything else gives Swedish. Example: en-GB,en;q=0.9.";
    private static final String IF_MATCH_DOC = "The ETag of the member as you last read it (GET with curator credentials).";

    private final MemberService members;
    private final SearchService search;
    private final SecurityIdentity caller;
    private final MemberFeed feed;

    public MemberResource(MemberService members, SearchService search, SecurityIdentity caller, MemberFeed feed) {
        this.members = members;
        this.feed = feed;
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
                    examples = @ExampleObject(name = "page", value = MemberExamples.PAGE)))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response search(
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
            @Parameter(description = "With sort=distance: the municipality (SCB code, e.g. 2580) whose town centre distances are measured from.",
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
            @QueryParam("stale") String stale,
            @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.ACCEPT_LANGUAGE, description = LABEL_LANGUAGE_DOC,
                    example = "en", schema = @Schema(type = SchemaType.STRING, maxLength = 512))
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Context HttpHeaders headers, @Context Request request) {
        boolean curatorQuery = !status.isEmpty() || stale != null;
        if (curatorQuery && !Roles.isCurator(caller)) {
            throw new UnauthorizedException();
        }
        DisplayLanguage labels = DisplayLanguage.of(acceptLanguage);
        MemberQuery query = search.query(new SearchRequest(q, type, skill, skillMatch, municipality, language, serves, available,
                sort, near, page, size, facetSize, featured, status, stale));
        if (!PublicCaching.isPublicRead(request.getMethod(), headers)) {
            return Response.ok(search.search(query, labels)).build();
        }
        // Checked before searching: a partner's repeated query costs no search while the index is unchanged.
        return cached(search.tag(query, labels), headers, () -> search.search(query, labels));
    }

    /** 304 when the caller has the answer tagged {@code tag}, else the answer (Vary: Accept-Language by @VariesByLanguage). */
    private static Response cached(EntityTag tag, HttpHeaders headers, java.util.function.Supplier<Object> answer) {
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
                    examples = @ExampleObject(name = "suggestions", value = MemberExamples.SUGGESTIONS)))
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

    @GET
    @Path("/changes")
    @PermitAll
    @Operation(operationId = "listMemberChanges", summary = "Follow changes to the public members (partner feed)",
            description = "For partners who keep a copy of the directory. Without since: from the beginning, every public"
                    + " member once. Then send nextCursor back as since, page after page while hasMore is true, and later"
                    + " (every minute, say) to get what changed since. Each member comes at most once per page, at its latest"
                    + " state: upsert carries the public view (as GET /api/v1/members/{id}; without email and phone once the"
                    + " member withdrew consent), delete means the member is not public (archived, rejected, pending, erased;"
                    + " possibly one you never had: ignore it). Changes are handed out only once no slower transaction can"
                    + " still commit before them, so a change may take up to the gap timeout to appear but is never skipped."
                    + " Cursors are opaque, never expire, and work on every instance and after restarts; a cursor from"
                    + " another database, or ahead of this one (restored from a backup), is refused (400): start again"
                    + " without since. Public.")
    @APIResponse(responseCode = "200", description = "One page of changes.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberChangePage.class),
                    examples = {@ExampleObject(name = "changes", summary = "An upsert and a delete",
                            value = MemberExamples.CHANGES),
                            @ExampleObject(name = "upToDate", summary = "Nothing new: ask again later with nextCursor",
                                    value = MemberExamples.NO_CHANGES)}))
    public MemberChangePage changes(
            @Parameter(description = "The nextCursor of the previous page; leave it out to start from the beginning.",
                    example = "YzEuNDIuM2YyYjhjMWUtOGE3ZC00YzFlLTliMWEtMmY0ZTVkNmM3Yjhh",
                    schema = @Schema(type = SchemaType.STRING, maxLength = FeedCursor.MAX_LENGTH, pattern = "^[A-Za-z0-9_-]+$"))
            @QueryParam("since") String since,
            @Parameter(description = "At most this many changes, 1 to 1000.", example = "100",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "1000", defaultValue = "100"))
            @QueryParam("size") String size,
            @Context UriInfo uri) {
        // An empty since (?since=) arrives as none: it is a bad cursor, not the beginning.
        boolean sent = since != null || uri.getQueryParameters().containsKey("since");
        return feed.changes(sent && since == null ? "" : since, size);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getMember", summary = "Show a member",
            description = "By id or slug. The public sees the public view (email and phone only with the member's consent);"
                    + " with curator credentials the same request returns the full record, whose ETag authorises writes."
                    + " Only published members exist for the public; curators see every status.")
    @APIResponse(responseCode = "200", description = "The member.",
            headers = @Header(name = HttpHeaders.ETAG, description = "The version of this representation.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 40)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MemberRepresentation.class),
                    examples = {@ExampleObject(name = "public", summary = "The public view (no credentials)",
                            value = MemberExamples.PUBLIC_VIEW),
                            @ExampleObject(name = "curator", summary = "The full record (curator credentials)",
                                    value = MemberExamples.VIEW)}))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") @Parameter(description = "The member's id or slug.", example = "asa-oberg-design",
            schema = @Schema(type = SchemaType.STRING, maxLength = 80)) String idOrSlug) {
        Response.ResponseBuilder response;
        if (Roles.isCurator(caller)) {
            MemberView member = members.get(idOrSlug);
            response = Response.ok(member).tag(EntityTags.full(member.version()));
        } else {
            PublicMemberView member = members.getPublic(idOrSlug);
            response = Response.ok(member).tag(EntityTags.publicView(member.version(), member.featured()));
        }
        return response
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .build();
    }

    @POST
    @RolesAllowed(Roles.CURATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createMember", summary = "Add a member", description = "Curators. The slug is made from the name (\"Åsa Öberg Design\" gives"
            + " asa-oberg-design; a taken slug gets a suffix -2, -3, …; never the form of a UUID). Published at once unless"
            + " status=pending. A name that only looks like another member's (look-alike or invisible characters) is refused"
            + " with 409.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MemberInput.class), examples = @ExampleObject(name = "member", value = MemberExamples.INPUT)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new member.",
            headers = {@Header(name = HttpHeaders.LOCATION, description = "The new member's URL.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 200)),
                    @Header(name = HttpHeaders.ETAG, description = "The new member's version.",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 40))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberView.class),
                    examples = @ExampleObject(name = "member", value = MemberExamples.VIEW)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@Parameter(description = "published (default): public at once; pending: to be reviewed first.",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"published", "pending"}, defaultValue = "published"))
            @QueryParam("status") String status, MemberInput body, @Context UriInfo uri) {
        MemberView created = members.create(body, initialStatus(status), actor());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(EntityTags.full(created.version())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.CURATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceMember", summary = "Replace a member", description = "Curators. Replaces every writable property; an optional property"
            + " left out is cleared. Requires If-Match with the member's current ETag.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MemberInput.class), examples = @ExampleObject(name = "member", value = MemberExamples.INPUT)))
    @APIResponse(responseCode = "200", description = "The updated member.",
            headers = @Header(name = HttpHeaders.ETAG, description = "The member's new version.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 40)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberView.class),
                    examples = @ExampleObject(name = "member", value = MemberExamples.VIEW)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response replace(@PathParam("id") @Parameter(description = ID_DOC, schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_DOC, required = true, example = "\"3\"",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)) String ifMatch,
            MemberInput body) {
        return EntityTags.changed(members.replace(id, ifMatch, body, actor()));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.CURATOR)
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchMember", summary = "Change some properties of a member", description = "Curators. A JSON merge patch (RFC 7396): the"
            + " properties sent replace the stored ones, null clears one. The result must be a valid member."
            + " Requires If-Match with the member's current ETag.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(ref = MemberInput.PATCH_SCHEMA),
            examples = @ExampleObject(name = "patch", value = MemberExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "The updated member.",
            headers = @Header(name = HttpHeaders.ETAG, description = "The member's new version.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 40)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberView.class),
                    examples = @ExampleObject(name = "member", value = MemberExamples.VIEW)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response patch(@PathParam("id") @Parameter(description = ID_DOC, schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_DOC, required = true, example = "\"3\"",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)) String ifMatch,
            String body) {
        return EntityTags.changed(members.patch(id, ifMatch, body, actor()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.CURATOR)
    @Produces({MediaType.APPLICATION_JSON, ProblemMappers.PROBLEM_JSON}) // no body: any Accept a client sends for errors
    @Operation(operationId = "deleteMember", summary = "Erase a member", description = "Curators. Erases the member and"
            + " their personal data for good (GDPR art. 17): the record, the consent log and the search index entry go; the"
            + " history keeps only who did what when, every value and reason scrubbed; a tombstone (id and time) remains so"
            + " that partner sites can sync the deletion. If-Match is optional and honoured when sent.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public void delete(@PathParam("id") @Parameter(description = ID_DOC, schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_DOC, example = "\"3\"",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)) String ifMatch) {
        members.delete(id, ifMatch, actor());
    }

    private String actor() {
        return caller.getPrincipal().getName();
    }

    private static MemberStatus initialStatus(String status) {
        if (status == null || status.equals(MemberStatus.PUBLISHED.code())) {
            return MemberStatus.PUBLISHED;
        }
        if (status.equals(MemberStatus.PENDING.code())) {
            return MemberStatus.PENDING;
        }
        throw ProblemException.invalid("status", "a new member is published or pending");
    }

}
