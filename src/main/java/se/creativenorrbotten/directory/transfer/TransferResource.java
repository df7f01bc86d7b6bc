package se.creativenorrbotten.directory.transfer;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import se.creativenorrbotten.directory.member.MemberSelection;
import se.creativenorrbotten.directory.security.Roles;

/**
 * The admins' bulk export of the directory and the template of the import. Exports hold personal data (e-mail,
 * phone, curators' notes) of every member in every status: admins only, never cached.
 */
@Path("/api/v1")
@Tag(name = "Import and export")
public class TransferResource {

    static final String NDJSON = "application/x-ndjson";
    private static final String DISPOSITION = "Content-Disposition";
    private static final String FILTERS = " Filters as in the search: status, municipality, skill and type, each"
            + " repeatable (values OR-ed, parameters AND-ed); an unknown value is 400 naming the parameter. The whole"
            + " answer is streamed: a large directory is written as it is read, not held.";

    private final MemberExports exports;

    public TransferResource(MemberExports exports) {
        this.exports = exports;
    }

    @GET
    @Path("/exports/members.csv")
    @RolesAllowed(Roles.ADMIN)
    @Produces(CsvWriter.MEDIA_TYPE)
    @Operation(operationId = "exportMembersCsv", summary = "Export the members as CSV",
            description = "Admins only: personal data of every member in every status. One row per member in id order,"
                    + " every column of the import and the read-only ones (id, slug, status, statusReason, featuredUntil,"
                    + " createdAt, updatedAt, version), English headers; UTF-8 with a byte order mark, semicolons, values"
                    + " of multi-valued cells separated by |, so that Swedish Excel opens it and an import reads it back."
                    + FILTERS)
    @APIResponse(responseCode = "200", description = "The members, as an attachment named by the day.",
            headers = @Header(name = DISPOSITION, description = "attachment; filename=\"members-2026-12-02.csv\"",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content = @Content(mediaType = CsvWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    maxLength = Integer.MAX_VALUE)))
    public Response csv(@BeanParam ExportFilters filters) {
        MemberSelection selection = exports.selection(filters);
        StreamingOutput body = out -> exports.csv(selection, out);
        return attachment(body, exports.fileName("csv"));
    }

    @GET
    @Path("/exports/members.ndjson")
    @RolesAllowed(Roles.ADMIN)
    @Produces(NDJSON)
    @Operation(operationId = "exportMembersNdjson", summary = "Export the members as NDJSON",
            description = "Admins only: personal data of every member in every status. One member per line, in id order,"
                    + " each its full record as curators get it (Member, consents included)." + FILTERS)
    @APIResponse(responseCode = "200", description = "The members, as an attachment named by the day; each line a Member.",
            headers = @Header(name = DISPOSITION, description = "attachment; filename=\"members-2026-12-02.ndjson\"",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            // The body is a sequence of JSON objects, not one: OpenAPI 3.1 has no schema for each line (3.2's
            // itemSchema), so the body is text and the description names the line's schema (a client that read the
            // body as one Member failed on the second line).
            content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING,
                    maxLength = Integer.MAX_VALUE, description = "One Member (#/components/schemas/Member) per line,"
                            + " each line ended by a line feed.")))
    public Response ndjson(@BeanParam ExportFilters filters) {
        MemberSelection selection = exports.selection(filters);
        StreamingOutput body = out -> exports.ndjson(selection, out);
        return attachment(body, exports.fileName("ndjson"));
    }

    private static Response attachment(StreamingOutput body, String fileName) {
        return Response.ok(body).header(DISPOSITION, "attachment; filename=\"" + fileName + "\"").build();
    }

}
