package se.creativenorrbotten.directory.common.http;

/**
 * A route that takes a large body that need not be JSON (a file upload), such as a bulk import. The edge lets its
 * bodies through unread up to {@link #maxBodySize()} instead of the API's JSON limit; the route checks its own media
 * types and counts its body as it reads it (a chunked body declares no length).
 */
public interface LargeBodyRoute {

    /** True when the request is one of this route's. */
    boolean matches(String method, String path);

    long maxBodySize();
}
