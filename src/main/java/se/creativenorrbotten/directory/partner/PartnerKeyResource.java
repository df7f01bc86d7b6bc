package se.creativenorrbotten.directory.partner;

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

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import se.creativenorrbotten.directory.common.paging.PageRequest;
import se.creativenorrbotten.directory.partner.dto.PartnerKeyChange;
import se.creativenorrbotten.directory.partner.dto.PartnerKeyCreated;
import se.creativenorrbotten.directory.partner.dto.PartnerKeyInput;
import se.creativenorrbotten.directory.partner.dto.PartnerKeyPage;
import se.creativenorrbotten.directory.partner.dto.PartnerKeyView;
import se.creativenorrbotten.directory.security.Roles;

/** The admins' management of partner keys: create (the key shown once), list, show, change, disable. */
@Path("/api/v1/partner-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner keys")
public class PartnerKeyResource {

    private static final String ID_DOC = "The partner key's id (UUID).";
    private static final String VIEW_EXAMPLE = """
            {"id": "3f2b8c1e-8a7d-4c1e-9b1a-2f4e5d6c7b8a", "keyPrefix": "cnk_q3Zt", "name": "Piteå kommun",
             "contact": "webb@pitea.se", "requestsPerMinute": 6000, "origins": ["https://www.pitea.se"], "enabled": true,
             "createdAt": "2026-11-26T10:15:30.123Z", "updatedAt": "2026-11-26T10:15:30.123Z",
             "lastUsedAt": "2026-11-27T08:01:00.000Z"}""";
    private static final String INPUT_EXAMPLE = """
            {"name": "Piteå kommun", "contact": "webb@pitea.se", "requestsPerMinute": 6000,
             "origins": ["https://www.pitea.se"]}""";

    private final PartnerKeyService partnerKeys;

    public PartnerKeyResource(PartnerKeyService partnerKeys) {
        this.partnerKeys = partnerKeys;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPartnerKey", summary = "Create a partner key",
            description = "Admins only. The answer holds the key itself, shown this once: only its hash is kept. Requests"
                    + " with the key in X-Api-Key get its limit, and its origins are granted CORS at once.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PartnerKeyInput.class), examples = @ExampleObject(name = "key", value = INPUT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new key.",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The new key's URL.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 200)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnerKeyCreated.class),
                    examples = @ExampleObject(name = "created", value = "{\"key\": \"cnk_q3Zt0c4Xr9bqvY2mJmT1mF3c8cJxkq3f5iWl0Zb0dE4\","
                            + " \"partnerKey\": " + VIEW_EXAMPLE + "}")))
    public Response create(@NotNull @Valid PartnerKeyInput body, @Context UriInfo uri) {
        PartnerKeyCreated created = partnerKeys.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.partnerKey().id().toString()).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listPartnerKeys", summary = "List the partner keys", description = "Admins only. By name.")
    @APIResponse(responseCode = "200", description = "One page of keys.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnerKeyPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + VIEW_EXAMPLE + "], \"page\": 1, \"size\": 20, \"total\": 1}")))
    public PartnerKeyPage list(
            @Parameter(description = "Page number, from 1.", example = "1",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "10000", defaultValue = "1"))
            @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100.", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("size") String size) {
        return partnerKeys.list(PageRequest.parse(page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getPartnerKey", summary = "Show a partner key", description = "Admins only. Never the key itself.")
    @APIResponse(responseCode = "200", description = "The key's settings and when it was last used.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnerKeyView.class),
                    examples = @ExampleObject(name = "key", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PartnerKeyView get(@PathParam("id") @Parameter(description = ID_DOC,
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) UUID id) {
        return partnerKeys.get(id);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchPartnerKey", summary = "Change or disable a partner key",
            description = "Admins only. A JSON merge patch (RFC 7396) of name, contact, requestsPerMinute, origins and/or"
                    + " enabled; effective at once on this instance, within the refresh interval on the others.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = PartnerKeyChange.class),
            examples = @ExampleObject(name = "disable", value = "{\"enabled\": false}")))
    @APIResponse(responseCode = "200", description = "The changed key.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnerKeyView.class),
                    examples = @ExampleObject(name = "key", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PartnerKeyView patch(@PathParam("id") @Parameter(description = ID_DOC,
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) UUID id, String body) {
        return partnerKeys.patch(id, body);
    }
}
