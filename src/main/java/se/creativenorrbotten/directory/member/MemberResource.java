package se.creativenorrbotten.directory.member;

import java.util.ArrayList;
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
import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.common.paging.PageRequest;
import se.creativenorrbotten.directory.common.problem.FieldError;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.member.dto.MemberInput;
import se.creativenorrbotten.directory.member.dto.MemberPage;
import se.creativenorrbotten.directory.member.dto.MemberView;
import se.creativenorrbotten.directory.member.dto.PublicMemberView;
import se.creativenorrbotten.directory.search.MemberQuery;
import se.creativenorrbotten.directory.security.Roles;

@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members")
public class MemberResource {

    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    private static final String ID_DOC = "The member's id (UUID).";
    private static final String IF_MATCH_DOC = "The ETag of the member as you last read it (GET with curator credentials).";

    private final MemberService members;
    private final SecurityIdentity caller;

    public MemberResource(MemberService members, SecurityIdentity caller) {
        this.members = members;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listMembers", summary = "List members",
            description = "Members by name, one page at a time. Filters are repeatable: values of one filter are OR-ed,"
                    + " different filters AND-ed. Public.")
    @APIResponse(responseCode = "200", description = "One page of members.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberPage.class),
                    examples = @ExampleObject(name = "page", value = MemberExamples.PAGE)))
    public MemberPage list(
            @Parameter(description = "Only members of these types.", explode = org.eclipse.microprofile.openapi.annotations.enums.Explode.TRUE,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = MemberType.class, maxItems = 3))
            @QueryParam("type") List<String> type,
            @Parameter(description = "Only members with one of these skills (slugs).",
                    schema = @Schema(type = SchemaType.ARRAY, maxItems = 20, implementation = String.class))
            @QueryParam("skill") List<String> skill,
            @Parameter(description = "Only members based in one of these municipalities (SCB codes).",
                    schema = @Schema(type = SchemaType.ARRAY, maxItems = 14, implementation = String.class))
            @QueryParam("municipality") List<String> municipality,
            @Parameter(description = "Page number, from 1.", example = "1",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "10000", defaultValue = "1"))
            @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100.", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("size") String size) {
        PageRequest paging = PageRequest.parse(page, size);
        return members.list(MemberQuery.of(types(type), skill, municipality, paging));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getMember", summary = "Show a member",
            description = "By id or slug. The public sees the public view (email and phone only with the member's consent);"
                    + " with curator credentials the same request returns the full record, whose ETag authorises writes.")
    @APIResponse(responseCode = "200", description = "The member.",
            headers = @Header(name = HttpHeaders.ETAG, description = "The version of this representation.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 40)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(anyOf = {PublicMemberView.class, MemberView.class}),
                    examples = @ExampleObject(name = "member", value = MemberExamples.VIEW)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") @Parameter(description = "The member's id or slug.", example = "asa-oberg-design",
            schema = @Schema(type = SchemaType.STRING, maxLength = 80)) String idOrSlug) {
        MemberView member = members.get(idOrSlug);
        boolean curator = caller.hasRole(Roles.ADMIN);
        return Response.ok(curator ? member : MemberService.publicView(member))
                .tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(member.version()) + (curator ? "" : "-public")))
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .build();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createMember", summary = "Add a member", description = "Curators. The slug is made from the name (\"Åsa Öberg Design\" gives"
            + " asa-oberg-design; a taken slug gets a suffix -2, -3, …).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MemberInput.class), examples = @ExampleObject(name = "member", value = MemberExamples.INPUT)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new member.",
            headers = {@Header(name = HttpHeaders.LOCATION, description = "The new member's URL.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 200)),
                    @Header(name = HttpHeaders.ETAG, description = "The new member's version.",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 40))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberView.class),
                    examples = @ExampleObject(name = "member", value = MemberExamples.VIEW)))
    public Response create(MemberInput body, @Context UriInfo uri) {
        MemberView created = members.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(etag(created)).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
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
        return updated(members.replace(id, ifMatch, body));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MERGE_PATCH_JSON)
    @Operation(operationId = "patchMember", summary = "Change some properties of a member", description = "Curators. A JSON merge patch (RFC 7396): the"
            + " properties sent replace the stored ones, null clears one. The result must be a valid member."
            + " Requires If-Match with the member's current ETag.")
    @RequestBody(required = true, content = @Content(mediaType = MERGE_PATCH_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "Any subset of MemberInput's properties;"
                    + " null clears one. The merged result must be a valid MemberInput.", maxProperties = 30),
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
        return updated(members.patch(id, ifMatch, body));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteMember", summary = "Delete a member", description = "Curators. Removes the member and their data; only a tombstone (id"
            + " and time) remains. If-Match is optional and honoured when sent.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public void delete(@PathParam("id") @Parameter(description = ID_DOC, schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_DOC, example = "\"3\"",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)) String ifMatch) {
        members.delete(id, ifMatch);
    }

    private static Response updated(MemberView member) {
        return Response.ok(member).tag(etag(member)).build();
    }

    private static jakarta.ws.rs.core.EntityTag etag(MemberView member) {
        return new jakarta.ws.rs.core.EntityTag(String.valueOf(member.version()));
    }

    private static List<MemberType> types(List<String> codes) {
        List<MemberType> types = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (String code : codes) {
            try {
                types.add(Coded.fromCode(MemberType.class, code));
            } catch (IllegalArgumentException unknown) {
                errors.add(new FieldError("type", "unknown type '" + code + "'; must be one of: " + Coded.allowed(MemberType.class)));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return types;
    }
}
