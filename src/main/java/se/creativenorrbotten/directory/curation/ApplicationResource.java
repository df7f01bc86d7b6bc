package se.creativenorrbotten.directory.curation;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import se.creativenorrbotten.directory.common.http.ClientAddress;

/** Self-submission: a creative business or person applies to be listed. */
@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Curation")
public class ApplicationResource {

    private final ApplicationService applications;

    public ApplicationResource(ApplicationService applications) {
        this.applications = applications;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "applyForListing", summary = "Apply to be listed",
            description = "Public, no login. The member's properties (as MemberInput, without notes) plus consents:"
                    + " contactPublic (true or false: show e-mail and phone publicly) and privacyNotice (must be true)."
                    + " The application waits, pending, for a curator's review; nothing is public before it is published."
                    + " Limits: a few applications per client and hour (429 with Retry-After beyond), the body limit of"
                    + " 64 KiB and the field limits of a member. homepage is a honeypot that forms hide: leave it out or empty.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApplicationInput.class),
            examples = @ExampleObject(name = "application", value = ApplicationInput.EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Received; waits for review.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationReceipt.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response apply(String body, @Context HttpServerRequest request) {
        return Response.accepted(ApplicationReceipt.of(applications.submit(body, ClientAddress.of(request)))).build();
    }
}
