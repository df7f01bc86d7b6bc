package se.creativenorrbotten.directory.security;

import java.util.Map;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test only (it lives in src/test, so it is never in the service): an endpoint for curators that answers
 * who the caller is, to check the identity the provider builds. Hidden from the contract.
 */
@Path(TestAccounts.IDENTITY)
public class IdentityProbeResource {

    private final SecurityIdentity caller;

    public IdentityProbeResource(SecurityIdentity caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.CURATOR)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Object> whoAmI() {
        return Map.of("name", caller.getPrincipal().getName(), "roles", new TreeSet<>(caller.getRoles()));
    }
}
