package se.creativenorrbotten.directory.common.logging;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/**
 * Test only (it lives in src/test, so it is never in the service): logs a line on the worker thread that serves it,
 * then fails as a defect would, for the 500 path and the log lines' request id. Hidden from the contract.
 */
@Path(FailureProbeResource.PATH)
public class FailureProbeResource {

    static final String PATH = "/test/failure";
    static final Logger LOG = Logger.getLogger(FailureProbeResource.class);

    @GET
    @Operation(hidden = true)
    public String fail(@QueryParam("marker") String marker) {
        LOG.infof("failure probe %s", marker);
        throw new IllegalStateException("the failure probe failed, as asked (" + marker + ")");
    }
}
