package se.creativenorrbotten.directory;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The directory's own settings; each is listed in the README with its environment variable. */
@ConfigMapping(prefix = "directory")
public interface DirectoryConfig {

    Admin admin();

    /** Where the embedded H2 database keeps its files (DIRECTORY_DATA_DIR). */
    String dataDir();

    /**
     * The default JDBC URL for each database kind, used when QUARKUS_DATASOURCE_JDBC_URL is not set
     * (application.properties builds quarkus.datasource.jdbc.url from it).
     */
    Map<String, String> jdbcUrl();

    /** Load the fictional demo members at start (DIRECTORY_DEMO_DATA). */
    @WithDefault("false")
    boolean demoData();

    interface Admin {
        /** The first admin's user name (DIRECTORY_ADMIN_USERNAME). */
        @WithDefault("admin")
        String username();

        /** The first admin's password (DIRECTORY_ADMIN_PASSWORD); generated and logged once when unset. */
        Optional<String> password();
    }
}
