package se.creativenorrbotten.directory.common.persistence;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The database this build runs on ({@code quarkus.datasource.db-kind}, fixed when the jar is built), and what follows
 * from it for the rest of the service.
 */
@ApplicationScoped
public class DatabaseKind {

    private final String kind;

    public DatabaseKind(@ConfigProperty(name = "quarkus.datasource.db-kind") String kind) {
        this.kind = kind;
    }

    /** The embedded H2: a file of one data folder, opened by one instance. */
    public boolean h2() {
        return "h2".equals(kind);
    }

    /** PostgreSQL: several instances may share the database, so what one keeps there the others see. */
    public boolean shared() {
        return "postgresql".equals(kind);
    }

    /** The database's name, as people write it. */
    public String displayName() {
        return switch (kind) {
            case "h2" -> "H2";
            case "postgresql" -> "PostgreSQL";
            default -> kind;
        };
    }
}
