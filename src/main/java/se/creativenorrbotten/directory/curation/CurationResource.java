package se.creativenorrbotten.directory.curation;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import se.creativenorrbotten.directory.common.paging.PageRequest;
import se.creativenorrbotten.directory.member.EntityTags;
import se.creativenorrbotten.directory.member.MemberResource;
import se.creativenorrbotten.directory.member.MemberService;
import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.dto.FeatureInput;
import se.creativenorrbotten.directory.member.dto.HistoryPage;
import se.creativenorrbotten.directory.member.dto.MemberExport;
import se.creativenorrbotten.directory.member.dto.StatusChange;
import se.creativenorrbotten.directory.security.Roles;

/** The curators' actions on a member: the review workflow, featuring, the history and the GDPR export. */
@Path("/api/v1/members/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CURATOR)
@Tag(name = "Curation")
public class CurationResource {

    private final MemberService members;
    private final SecurityIdentity caller;

    public CurationResource(MemberService members, SecurityIdentity caller) {
        this.members = members;
        this.caller = caller;
    }

    @POST
    @Path("/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "publishMember", summary = "Publish a member",
            description = "Curators. A pending or archived member becomes public at once (search included).")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StatusChange.class)))
    @APIResponse(responseCode = "200", ref = "MemberChanged")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "InvalidTransition")
    public Response publish(@PathParam("id") @Parameter(description = MemberResource.ID_DOC, schema = @Schema(type = SchemaType.STRING,
            format = "uuid", maxLength = 36)) UUID id, StatusChange body) {
        return EntityTags.changed(members.changeStatus(id, MemberStatus.PUBLISHED, reason(body), actor()));
    }

    @POST
    @Path("/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectMember", summary = "Reject an application",
            description = "Curators. A pending member is refused; the reason is required and kept in the history."
                    + " Rejection is final: erase the member (DELETE) when their data is no longer needed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StatusChange.class, requiredProperties = "reason")))
    @APIResponse(responseCode = "200", ref = "MemberChanged")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "InvalidTransition")
    public Response reject(@PathParam("id") @Parameter(description = MemberResource.ID_DOC, schema = @Schema(type = SchemaType.STRING,
            format = "uuid", maxLength = 36)) UUID id, StatusChange body) {
        return EntityTags.changed(members.changeStatus(id, MemberStatus.REJECTED, reason(body), actor()));
    }

    @POST
    @Path("/archive")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "archiveMember", summary = "Archive a member",
            description = "Curators. A published member is taken down (it may be published again); its feature ends.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StatusChange.class)))
    @APIResponse(responseCode = "200", ref = "MemberChanged")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "InvalidTransition")
    public Response archive(@PathParam("id") @Parameter(description = MemberResource.ID_DOC, schema = @Schema(type = SchemaType.STRING,
            format = "uuid", maxLength = 36)) UUID id, StatusChange body) {
        return EntityTags.changed(members.changeStatus(id, MemberStatus.ARCHIVED, reason(body), actor()));
    }

    @PUT
    @Path("/feature")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "featureMember", summary = "Feature a member until a date",
            description = "Curators. A published member is featured through the given day (Swedish time): featured=true"
                    + " finds them and they rank higher in relevance. The feature ends by itself; a new date replaces the old.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FeatureInput.class)))
    @APIResponse(responseCode = "200", ref = "MemberChanged")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "InvalidTransition")
    public Response feature(@PathParam("id") @Parameter(description = MemberResource.ID_DOC, schema = @Schema(type = SchemaType.STRING,
            format = "uuid", maxLength = 36)) UUID id, FeatureInput body) {
        return EntityTags.changed(members.feature(id, body == null ? null : body.until(), actor()));
    }

    @DELETE
    @Path("/feature")
    @Operation(operationId = "unfeatureMember", summary = "End a member's feature now", description = "Curators.")
    @APIResponse(responseCode = "200", ref = "MemberChanged")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response unfeature(@PathParam("id") @Parameter(description = MemberResource.ID_DOC, schema = @Schema(type = SchemaType.STRING,
            format = "uuid", maxLength = 36)) UUID id) {
        return EntityTags.changed(members.unfeature(id, actor()));
    }

    @GET
    @Path("/history")
    @Operation(operationId = "memberHistory", summary = "A member's history",
            description = "Curators. Who changed which field when, with the old and new values, and every status action"
                    + " with its reason; newest first.")
    @APIResponse(responseCode = "200", description = "One page of the history.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryPage.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public HistoryPage history(@PathParam("id") @Parameter(description = MemberResource.ID_DOC, schema = @Schema(type = SchemaType.STRING,
            format = "uuid", maxLength = 36)) UUID id,
            @Parameter(description = "Page number, from 1.", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "10000", defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100.", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("size") String size) {
        return members.history(id, PageRequest.parse(page, size));
    }

    @GET
    @Path("/export")
    @Operation(operationId = "exportMember", summary = "Everything held about a member",
            description = "Curators. For a subject access or portability request (GDPR articles 15 and 20): the full"
                    + " record, every consent given or withdrawn, and the whole history, as one JSON document.")
    @APIResponse(responseCode = "200", description = "The member's data.",
            headers = @Header(name = "Content-Disposition", description = "A file name for saving it.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberExport.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response export(@PathParam("id") @Parameter(description = MemberResource.ID_DOC, schema = @Schema(type = SchemaType.STRING,
            format = "uuid", maxLength = 36)) UUID id) {
        return Response.ok(members.export(id))
                .header("Content-Disposition", "attachment; filename=\"member-" + id + ".json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private String actor() {
        return caller.getPrincipal().getName();
    }

    private static String reason(StatusChange body) {
        return body == null ? null : body.reason();
    }
}
