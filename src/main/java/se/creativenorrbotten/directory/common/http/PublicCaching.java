package se.creativenorrbotten.directory.common.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import se.creativenorrbotten.directory.DirectoryConfig;
import se.creativenorrbotten.directory.common.text.Digests;

/**
 * HTTP caching of the public reads. A public read is a GET or HEAD without credentials that succeeds; every
 * one of them, whatever resource answers it, gets:
 * <ul>
 * <li>{@code Cache-Control: public, max-age=<DIRECTORY_PUBLIC_MAX_AGE>};</li>
 * <li>an {@code ETag}: the resource's own when it sets one (a member's public view, search and suggest, whose
 * tags are known before the work is done), else a strong tag from a hash of the JSON body, which is then
 * written from the bytes that were hashed (serialised once);</li>
 * <li>304 Not Modified without a body when {@code If-None-Match} lists the tag or is {@code *} (weak comparison,
 * {@link IfNoneMatch}), with the ETag, Cache-Control and Vary headers of the full answer.</li>
 * </ul>
 * So a new public GET is cached without code of its own. Resources whose answer is costly (search) check
 * {@code If-None-Match} themselves before doing the work ({@link #notModified}). Anything sent with credentials
 * is left alone: {@link SecurityHeaders} answers it {@code no-store}, as it does every write and error.
 */
public class PublicCaching {

    public static final String IF_NONE_MATCH = "If-None-Match";

    private final String cacheControl;
    private final ObjectMapper json;

    public PublicCaching(DirectoryConfig config, ObjectMapper json) {
        this.cacheControl = cacheControl(config.publicReads().maxAge().toSeconds());
        this.json = json;
    }

    /** The Cache-Control of every public read, the contract's included. */
    public static String cacheControl(long maxAgeSeconds) {
        return "public, max-age=" + Math.max(0, maxAgeSeconds);
    }

    /** Whether a request is a public read: GET or HEAD without an Authorization header. */
    public static boolean isPublicRead(String method, HttpHeaders headers) {
        return ("GET".equals(method) || "HEAD".equals(method)) && headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null;
    }

    /** Whether the caller already has the answer tagged {@code etag} ({@code If-None-Match}): answer 304 then. */
    public static boolean notModified(HttpHeaders headers, String etag) {
        return IfNoneMatch.matches(headers.getRequestHeader(IF_NONE_MATCH), etag);
    }

    @ServerResponseFilter
    public void publicRead(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        String method = request.getMethod();
        int status = response.getStatus();
        if (!("GET".equals(method) || "HEAD".equals(method)) || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || (status != 200 && status != 304)) {
            return;
        }
        if (response.getHeaderString(HttpHeaders.CACHE_CONTROL) == null) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
        }
        String etag = response.getHeaderString(HttpHeaders.ETAG);
        if (etag == null && status == 200) {
            byte[] body = body(response);
            if (body == null) {
                return;
            }
            etag = "\"" + hash(body) + "\"";
            response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
            response.setEntity(body, response.getEntityAnnotations(),
                    response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType());
        }
        if (status == 200 && IfNoneMatch.matches(request.getHeaders().get(IF_NONE_MATCH), etag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        }
    }

    /** The bytes the answer's body will be: text as UTF-8, anything else as JSON; null for no body. */
    private byte[] body(ContainerResponseContext response) throws JsonProcessingException {
        Object entity = response.getEntity();
        MediaType type = response.getMediaType();
        if (entity == null) {
            return null;
        }
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (type != null && !type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.getSubtype().endsWith("+json")) {
            return null;
        }
        return json.writeValueAsBytes(entity);
    }

    /** 128 bits of the body's SHA-256, base64url: the opaque part of a body tag. */
    public static String hash(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(Digests.sha256(bytes), 16));
    }

    /** The same for a text (a search's normalised description). */
    public static String hash(String text) {
        return hash(text.getBytes(StandardCharsets.UTF_8));
    }
}
