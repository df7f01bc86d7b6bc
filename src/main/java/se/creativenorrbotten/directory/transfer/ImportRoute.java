package se.creativenorrbotten.directory.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import se.creativenorrbotten.directory.common.http.LargeBodyRoute;

/** POST /api/v1/imports takes files, up to the imports' own limit. */
@ApplicationScoped
public class ImportRoute implements LargeBodyRoute {

    private final ImportService imports;

    public ImportRoute(ImportService imports) {
        this.imports = imports;
    }

    @Override
    public boolean matches(String method, String path) {
        return method.equals("POST") && (path.equals(ImportResource.PATH) || path.equals(ImportResource.PATH + "/"));
    }

    @Override
    public long maxBodySize() {
        return imports.maxBodySize();
    }
}
