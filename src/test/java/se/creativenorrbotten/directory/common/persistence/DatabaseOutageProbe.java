package se.creativenorrbotten.directory.common.persistence;

import java.net.ConnectException;
import java.sql.SQLException;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/**
 * Test only (it lives in src/test, so it is never in the service): fails as a request does while PostgreSQL is away,
 * with the exception chains seen in the fault battery (bench/battery/faults.sh), in a resource and in a Vert.x route
 * (where the rate limits' shared buckets fail). Hidden from the contract.
 */
@Path(DatabaseOutageProbe.PATH)
public class DatabaseOutageProbe {

    static final String PATH = "/test/database-outage";
    static final String ROUTE = "/test/database-outage-route";

    /** A query on a pooled connection the server closed, a new connection refused, or a constraint (a defect here). */
    @GET
    @Operation(hidden = true)
    public String fail(@QueryParam("as") String as) {
        throw switch (as) {
            case "cut" -> new JDBCConnectionException("JDBC exception executing SQL [An I/O error occurred while sending"
                    + " to the backend.] [select m1_0.id from member m1_0]",
                    new SQLException("An I/O error occurred while sending to the backend.", "08006"));
            case "shutdown" -> new GenericJDBCException("JDBC exception executing SQL [FATAL: terminating connection due"
                    + " to administrator command]", new SQLException("FATAL: terminating connection due to administrator"
                    + " command", "57P01"));
            case "refused" -> new IllegalStateException(new SQLException("Connection to 127.0.0.1:5432 refused.", "08001",
                    new ConnectException("Connection refused")));
            default -> new GenericJDBCException("could not execute statement", new SQLException("duplicate key", "23505"));
        };
    }

    @ApplicationScoped
    static class Route {
        void install(@Observes Router router) {
            router.get(ROUTE).handler(context -> {
                // As Bucket4j's PostgreSQL proxy fails when no connection can be had.
                throw new RuntimeException(new SQLException("Connection to 127.0.0.1:5432 refused.", "08001"));
            });
        }
    }
}
