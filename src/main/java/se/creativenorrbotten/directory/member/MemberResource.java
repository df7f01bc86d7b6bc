package se.creativenorrbotten.directory.member;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import se.creativenorrbotten.directory.common.json.MergePatch;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.problem.ProblemMappers;
import se.creativenorrbotten.directory.member.dto.MemberChangePage;
import se.creativenorrbotten.directory.member.dto.MemberInput;
import se.creativenorrbotten.directory.member.dto.MemberRepresentation;
import se.creativenorrbotten.directory.member.dto.MemberView;
import se.creativenorrbotten.directory.member.dto.PublicMemberView;
import se.creativenorrbotten.directory.security.Roles;

@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members")
public class MemberResource {

    public static final String ID_DOC = "The member's id (UUID).";
    private static final String IF_MATCH_DOC = "The ETag of the member as you last read it (GET with curator credentials).";

    private final MemberService members;
    private final SecurityIdentity caller;
    private final MemberFeed feed;

    public MemberResource(MemberService members, SecurityIdentity caller, MemberFeed feed) {
        this.members = members;
        this.feed = feed;
        this.caller = caller;
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
