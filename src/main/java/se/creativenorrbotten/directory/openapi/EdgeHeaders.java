package se.creativenorrbotten.directory.openapi;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import se.creativenorrbotten.directory.common.http.ApiKeys;
import se.creativenorrbotten.directory.common.logging.RequestIds;

/**
 * Documents what the HTTP edge adds to answers: the request's id (common/logging/RequestIds) and the CORS grant
 * (common/http/ApiCors) on every response, the public limit's RateLimit headers (common/http/PublicLimits) on every
 * 2xx and 4xx answer, and the partner key's security scheme ({@code X-Api-Key}). Runs last in {@link ProblemResponsesFilter}, after every response exists.
 */
final class EdgeHeaders {

    static final String PARTNER_KEY = "partnerKey";

    private EdgeHeaders() {
    }

    static void securityScheme(OpenAPI openAPI) {
        openAPI.getComponents().addSecurityScheme(PARTNER_KEY, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(ApiKeys.HEADER)
                .description("Optional, on public operations: a partner key (POST /api/v1/partner-keys, admins) gives its own"
                        + " rate limit instead of the per-client public one. An unknown or disabled key is refused (401)."));
    }

    static void document(OpenAPI openAPI) {
        if (openAPI.getComponents().getResponses() != null) {
            openAPI.getComponents().getResponses().forEach((name, response) -> add(response, true));
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    continue;
                }
                for (Map.Entry<String, APIResponse> entry : operation.getResponses().getAPIResponses().entrySet()) {
                    if (entry.getValue().getRef() == null) {
                        String code = entry.getKey();
                        add(entry.getValue(), code.startsWith("2") || code.startsWith("4"));
                    }
                }
            }
        }
    }

    private static void add(APIResponse response, boolean limited) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(RequestIds.HEADER)) {
            response.addHeader(RequestIds.HEADER, header("The request's id: the X-Request-Id the request sent when that is"
                    + " a token of at most 64 letters, digits and . _ : -, else a new one. It is in the service's log lines"
                    + " for the request, and a 500 problem quotes it as its reference.",
                    string(64).pattern("^[A-Za-z0-9._:-]{1,64}$")));
        }
        if (response.getHeaders() == null || !response.getHeaders().containsKey("Access-Control-Allow-Origin")) {
            response.addHeader("Access-Control-Allow-Origin", header("The CORS grant: the request's Origin when its pages may"
                    + " read this (public reads: DIRECTORY_CORS_ORIGINS and the partner keys' origins; everything: the"
                    + " admin front-ends' origins), or * when every origin may. Absent for any other origin. Never with"
                    + " Access-Control-Allow-Credentials.", string(300).pattern("^(\\*|https?://[^/\\s]+)$")));
        }
        if (limited) {
            response.addHeader("RateLimit-Limit", header("Requests a minute this client (or partner key) may send. Only on"
                    + " requests counted against a public limit: those without credentials.", integer()));
            response.addHeader("RateLimit-Remaining", header("Requests left before the limit; with RateLimit-Limit.",
                    integer()));
            response.addHeader("RateLimit-Reset", header("Seconds until the whole limit is available again; with"
                    + " RateLimit-Limit.", integer()));
        }
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).schema(schema);
    }

    private static Schema string(int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength);
    }

    private static Schema integer() {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32").minimum(java.math.BigDecimal.ZERO)
                .maximum(java.math.BigDecimal.valueOf(1_000_000));
    }
}
