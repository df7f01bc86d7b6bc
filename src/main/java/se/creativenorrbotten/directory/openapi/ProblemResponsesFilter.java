package se.creativenorrbotten.directory.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import se.creativenorrbotten.directory.common.http.CrossSiteWrites;
import se.creativenorrbotten.directory.common.problem.ProblemMappers;
import se.creativenorrbotten.directory.common.problem.ProblemType;

/**
 * Documents the error model once for the whole contract: a reusable problem+json response per kind of
 * error, added to each operation by what the operation can fail with (400 where it takes input, 401 and
 * 403 where it needs a role, 403 on every write (refused from other sites' pages), 406 everywhere (an Accept it
 * cannot answer), 413 and 415 where it takes a body, 500 everywhere), and public operations marked public with an
 * empty security requirement.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final Map<String, ErrorResponse> RESPONSES = new LinkedHashMap<>();

    private record ErrorResponse(String code, ProblemType type, String description, String detail) {
    }

    static {
        add("BadRequest", "400", ProblemType.INVALID_INPUT, "Invalid input: the errors array names each bad field or parameter.",
                "skills[1]: unknown skill 'ux-desing'; see /api/v1/skills");
        add("Unauthorized", "401", ProblemType.UNAUTHORIZED, "Credentials missing or wrong; the WWW-Authenticate header asks for"
                + " HTTP Basic (or, for an unknown or disabled X-Api-Key, for a partner key).", "This operation needs the credentials of a curator account (HTTP Basic); they were missing or wrong.");
        add("Forbidden", "403", ProblemType.FORBIDDEN, "The account's role does not allow this operation.",
                "Your account's role does not allow this operation.");
        add("WriteForbidden", "403", ProblemType.FORBIDDEN, "The account's role does not allow this operation (type"
                + " forbidden); or a browser sent this write from a page on another site that is not trusted for writes"
                + " (type cross-site-request).", "Your account's role does not allow this operation.");
        add("CrossSiteRequest", "403", ProblemType.CROSS_SITE_REQUEST, "A browser sent this write from a page on another"
                + " site that is not trusted for writes.",
                "A browser sent this POST from a page on another site (https://example.com), which is not trusted for writes.");
        add("NotFound", "404", ProblemType.NOT_FOUND, "No such resource.", "There is no member 'asa-oberg-design'.");
        add("Conflict", "409", ProblemType.CONFLICT, "The request conflicts with the stored data (a duplicate, a resource in use,"
                + " or a concurrent edit).", "The skill 'ux-design' is carried by 7 member(s); remove it from them first.");
        add("InvalidTransition", "409", ProblemType.INVALID_TRANSITION, "The member's status does not allow this action.",
                "A rejected member cannot be published; rejected is final.");
        add("PreconditionFailed", "412", ProblemType.PRECONDITION_FAILED, "If-Match does not match the current ETag: the"
                + " resource changed since it was read. Nothing was changed.",
                "The member has changed since you read it (its ETag is now \"4\"); fetch it again and reapply your change.");
        add("NotAcceptable", "406", ProblemType.NOT_ACCEPTABLE, "None of the media types the Accept header allows can"
                + " be answered here (the operation's success answers say which can; errors are"
                + " application/problem+json).",
                "This resource cannot answer in any media type that the Accept header allows.");
        add("PayloadTooLarge", "413", ProblemType.PAYLOAD_TOO_LARGE, "The request body is over the size limit.",
                "The request body is larger than the service accepts.");
        add("UnsupportedMediaType", "415", ProblemType.UNSUPPORTED_MEDIA_TYPE, "The request's Content-Type is not accepted.",
                "The request's Content-Type is not supported here; send application/json.");
        add("PreconditionRequired", "428", ProblemType.PRECONDITION_REQUIRED, "If-Match is required for this write.",
                "Send If-Match with the ETag of the member as you last read it.");
        add("TooManyRequests", "429", ProblemType.TOO_MANY_REQUESTS, "Too many requests from this client (or for this"
                + " account, or with this partner key); wait the seconds in Retry-After.", "Too many applications from your address; try again in 3600 seconds.");
        add("Unavailable", "503", ProblemType.UNAVAILABLE, "The service cannot answer now: it is starting up (the search"
                + " index is not ready yet), every search turn has been taken for 10 seconds, its database is not"
                + " reachable, or the write waited too long for data another write holds (the last two with"
                + " Retry-After); retry shortly.", "Search is starting up; try again in a few seconds.");
        add("InternalError", "500", ProblemType.INTERNAL, "An unexpected error; the detail carries a reference for the logs.",
                "An unexpected error occurred. Quote reference 0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0 when you report it.");
    }

    private static void add(String name, String code, ProblemType type, String description, String detail) {
        RESPONSES.put(name, new ErrorResponse(code, type, description, detail));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        RESPONSES.forEach((name, response) -> openAPI.getComponents().addResponse(name, problemResponse(response)));
        openAPI.getComponents().addResponse("MemberChanged", OASFactory.createAPIResponse()
                .description("The member as changed: the full record, with its new ETag.")
                .addHeader("ETag", OASFactory.createHeader().description("The member's new version.").schema(string(40)))
                .content(OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Member")))));
        ItemSchemas.document(openAPI);
        DerivedSchemas.document(openAPI);
        EdgeHeaders.securityScheme(openAPI);
        if (openAPI.getPaths() != null) {
            for (PathItem path : openAPI.getPaths().getPathItems().values()) {
                for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getOperations().entrySet()) {
                    document(entry.getValue(), CrossSiteWrites.isWrite(entry.getKey().name()));
                }
            }
        }
        CachingDocs.document(openAPI);
        EdgeHeaders.document(openAPI); // last: after every response exists
    }

    /**
     * The public operations that give curators more (the full record, other statuses): their security is
     * "anonymous, or basicAuth", so that Swagger UI sends the credentials a curator authorised with.
     */
    private static final java.util.Set<String> CURATOR_AWARE = java.util.Set.of("searchMembers", "getMember");

    private static void document(Operation operation, boolean write) {
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean curatorAware = CURATOR_AWARE.contains(operation.getOperationId());
        boolean takesInput = (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || operation.getRequestBody() != null;
        List<String> wanted = new ArrayList<>();
        if (takesInput) {
            wanted.add("BadRequest");
        }
        wanted.add("Unauthorized");
        if (write && !secured) {
            wanted.add("CrossSiteRequest");
        }
        if (secured) {
            wanted.add(write ? "WriteForbidden" : "Forbidden");
            wanted.add("TooManyRequests"); // login throttling
        } else {
            wanted.add("TooManyRequests"); // the public limit (and login throttling, when credentials are sent)
            // Anyone; a partner key gives its own limit; curators may authorise where they get more.
            List<org.eclipse.microprofile.openapi.models.security.SecurityRequirement> anyone = new ArrayList<>();
            anyone.add(OASFactory.createSecurityRequirement());
            if (curatorAware) {
                anyone.add(OASFactory.createSecurityRequirement().addScheme(DirectoryApi.BASIC_AUTH));
            }
            anyone.add(OASFactory.createSecurityRequirement().addScheme(EdgeHeaders.PARTNER_KEY));
            operation.setSecurity(anyone);
        }
        // RESTEasy refuses an Accept that none of the method's types meets, also where success has no body (DELETE).
        wanted.add("NotAcceptable");
        if (operation.getRequestBody() != null) {
            wanted.add("PayloadTooLarge");
            wanted.add("UnsupportedMediaType");
        }
        wanted.add("Unavailable"); // every operation: the database may be out of reach (the public limit's buckets too)
        wanted.add("InternalError");
        APIResponses responses = operation.getResponses();
        for (String name : wanted) {
            String code = RESPONSES.get(name).code();
            if (responses.getAPIResponse(code) == null || responses.getAPIResponse(code).getRef() == null) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse().ref(name));
            }
        }
    }

    private static APIResponse problemResponse(ErrorResponse response) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", response.type().uri());
        example.put("title", response.type().title());
        example.put("status", response.type().status());
        example.put("detail", response.detail());
        if (response.type() == ProblemType.INVALID_INPUT) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", "skills[1]");
            error.put("detail", "unknown skill 'ux-desing'; see /api/v1/skills");
            example.put("errors", List.of(error));
        }
        MediaType media = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem"))
                .example(example);
        Content content = OASFactory.createContent().addMediaType(ProblemMappers.PROBLEM_JSON, media);
        APIResponse api = OASFactory.createAPIResponse().description(response.description()).content(content);
        if (response.type() == ProblemType.UNAUTHORIZED) {
            api.addHeader("WWW-Authenticate", OASFactory.createHeader()
                    .description("The authentication scheme to use: " + ProblemMappers.BASIC_CHALLENGE).schema(string(200)));
        }
        if (response.type() == ProblemType.TOO_MANY_REQUESTS) {
            api.addHeader("Retry-After", OASFactory.createHeader()
                    .description("Seconds to wait before trying again.").schema(string(10)));
        }
        if (response.type() == ProblemType.UNAVAILABLE) {
            api.addHeader("Retry-After", OASFactory.createHeader()
                    .description("Seconds to wait before trying again (sent when the database is not reachable or was busy).")
                    .schema(string(10)));
        }
        return api;
    }

    private static org.eclipse.microprofile.openapi.models.media.Schema string(int maxLength) {
        return OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)
                .maxLength(maxLength);
    }
}
