package se.creativenorrbotten.directory.openapi;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Documents the HTTP caching of the public reads (common/http/PublicCaching) in the contract: every GET that
 * anyone may call takes {@code If-None-Match}, answers 304 Not Modified, and its 200 carries {@code ETag} and
 * {@code Cache-Control}. Runs after {@link ProblemResponsesFilter} has set each operation's security.
 */
final class CachingDocs {

    private CachingDocs() {
    }

    static void document(OpenAPI openAPI) {
        openAPI.getComponents()
                .addParameter("IfNoneMatch", OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                        .description("ETags you hold for this request (a list, or *; compared weakly): 304 without a body"
                                + " when the answer has not changed. A malformed value is ignored.")
                        .schema(string(2000)))
                .addResponse("NotModified", OASFactory.createAPIResponse()
                        .description("Not modified: the ETag you sent in If-None-Match is current. No body; the ETag,"
                                + " Cache-Control and Vary headers of the full answer.")
                        .addHeader("ETag", etag()).addHeader("Cache-Control", cacheControl()));
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            Operation get = path.getGET();
            if (get == null || !anyone(get.getSecurity())) {
                continue;
            }
            get.addParameter(OASFactory.createParameter().ref("IfNoneMatch"));
            get.getResponses().addAPIResponse("304", OASFactory.createAPIResponse().ref("NotModified"));
            APIResponse ok = get.getResponses().getAPIResponse("200");
            if (ok != null && ok.getRef() == null) {
                Map<String, Header> headers = ok.getHeaders();
                if (headers == null || !headers.containsKey("ETag")) {
                    ok.addHeader("ETag", etag());
                }
                ok.addHeader("Cache-Control", cacheControl());
            }
        }
    }

    /** Whether anyone may call the operation: no security requirement, or an empty one among them. */
    private static boolean anyone(List<SecurityRequirement> security) {
        return security == null || security.isEmpty()
                || security.stream().anyMatch(requirement -> requirement.getSchemes() == null || requirement.getSchemes().isEmpty());
    }

    private static Header header(String description, int maxLength) {
        return OASFactory.createHeader().description(description).schema(string(maxLength));
    }

    /*
     * The headers are written out where they are used, not shared through components.headers: a reusable headers map
     * is itself linted as a response's headers (owasp:api8:2023-define-cors-origin would want a CORS header in it).
     */
    private static Header etag() {
        return header("The version of this answer; send it back in If-None-Match to revalidate. Search and suggest give"
                + " weak tags (W/\"…\") from the index and the query, other reads a hash of the body.", 60)
                .schema(string(60).pattern("^(W/)?\"[!#-~]*\"$"));
    }

    private static Header cacheControl() {
        return header("public, max-age=<DIRECTORY_PUBLIC_MAX_AGE, 60 s by default> on public reads; no-store on anything"
                + " sent with credentials, writes and errors.", 40)
                .schema(string(40).pattern("^[a-z0-9=, -]+$"));
    }

    private static Schema string(int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength);
    }
}
