package se.creativenorrbotten.directory.security;

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
import se.creativenorrbotten.directory.common.paging.PageRequest;
import se.creativenorrbotten.directory.common.problem.ProblemMappers;
import se.creativenorrbotten.directory.security.dto.AccountChange;
import se.creativenorrbotten.directory.security.dto.AccountInput;
import se.creativenorrbotten.directory.security.dto.AccountPage;
import se.creativenorrbotten.directory.security.dto.AccountView;
import se.creativenorrbotten.directory.security.dto.PasswordInput;

/** The admins' management of accounts: create, list, change role, disable or enable, reset the password. */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class AccountResource {

    private static final String ID_DOC = "The account's id (UUID).";
    private static final String VIEW_EXAMPLE = """
            {"id": "3f2b8c1e-8a7d-4c1e-9b1a-2f4e5d6c7b8a", "username": "anna.lind", "role": "curator", "enabled": true,
             "createdAt": "2026-11-26T10:15:30.123Z", "updatedAt": "2026-11-26T10:15:30.123Z"}""";
    private static final String INPUT_EXAMPLE = """
            {"username": "anna.lind", "password": "correct-horse-battery", "role": "curator"}""";

    private final AccountService accounts;

    public AccountResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAccount", summary = "Add an account",
            description = "Admins only. The user name is stored in lower case and must be free (409 otherwise).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AccountInput.class), examples = @ExampleObject(name = "account", value = INPUT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new account.",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The new account's URL.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 200)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class),
                    examples = @ExampleObject(name = "account", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@NotNull @Valid AccountInput body, @Context UriInfo uri) {
        AccountView created = accounts.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listAccounts", summary = "List the accounts", description = "Admins only. In user-name order.")
    @APIResponse(responseCode = "200", description = "One page of accounts.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountPage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + VIEW_EXAMPLE + "], \"page\": 1, \"size\": 20, \"total\": 1}")))
    public AccountPage list(
            @Parameter(description = "Page number, from 1.", example = "1",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "10000", defaultValue = "1"))
            @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100.", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("size") String size) {
        return accounts.list(PageRequest.parse(page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getAccount", summary = "Show an account", description = "Admins only.")
    @APIResponse(responseCode = "200", description = "The account.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class),
                    examples = @ExampleObject(name = "account", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public AccountView get(@PathParam("id") @Parameter(description = ID_DOC,
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) UUID id) {
        return accounts.get(id);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchAccount", summary = "Change an account's role, or disable or enable it",
            description = "Admins only. A JSON merge patch (RFC 7396) of role and/or enabled; effective from the account's"
                    + " next request. The last enabled admin cannot be demoted or disabled (409).")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = AccountChange.class),
            examples = @ExampleObject(name = "disable", value = "{\"enabled\": false}")))
    @APIResponse(responseCode = "200", description = "The updated account.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class),
                    examples = @ExampleObject(name = "account", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public AccountView patch(@PathParam("id") @Parameter(description = ID_DOC,
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) UUID id, String body) {
        return accounts.patch(id, body);
    }

    @PUT
    @Path("/{id}/password")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, ProblemMappers.PROBLEM_JSON}) // no body: any Accept a client sends for errors
    @Operation(operationId = "setAccountPassword", summary = "Reset an account's password",
            description = "Admins only. The old password is refused from the next request on.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PasswordInput.class),
            examples = @ExampleObject(name = "password", value = "{\"password\": \"correct-horse-battery\"}")))
    @APIResponse(responseCode = "204", description = "Changed.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void setPassword(@PathParam("id") @Parameter(description = ID_DOC,
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) UUID id,
            @NotNull @Valid PasswordInput body) {
        accounts.setPassword(id, body.password());
    }
}
