package se.creativenorrbotten.directory.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.problem.ProblemType;
import se.creativenorrbotten.directory.security.Roles;
import se.creativenorrbotten.directory.transfer.dto.ImportJobView;

/** The admins' bulk imports: start one (202 and a job), and follow it. */
@Path(ImportResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Import and export")
public class ImportResource {

    public static final String PATH = "/api/v1/imports";
    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";
    /** The largest file by default (DIRECTORY_IMPORTS_MAX_BODY_SIZE, 200 MiB), as the contract states it. */
    private static final int MAX_FILE = 200 * 1024 * 1024;

    private final ImportService imports;
    private final SecurityIdentity caller;

    public ImportResource(ImportService imports, SecurityIdentity caller) {
        this.imports = imports;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "startImport", summary = "Import members",
            description = "Admins only. NDJSON: one member per line, the JSON object POST /members takes (with slug to"
                    + " name the member an upsert updates). CSV: the columns of template.csv (English or Swedish headers), as"
                    + " Excel writes it; an upsert replaces the columns the file has and keeps the others. A file that"
                    + " cannot be read as a whole (header, encoding, size) fails its job with the problems in its report."
                    + " The job runs in the background: follow Location.")
    @RequestBody(required = true, content = {
            @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = MAX_FILE)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = MAX_FILE)) })
    @APIResponse(responseCode = "202", description = "Queued; Location names the job.",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The job's URL.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 200)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobView.class)))
    public Response start(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "true: validate and report, store nothing.",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("dryRun") String dryRun,
            @Parameter(description = "create: every row is a new member; upsert: a row matching a member by slug or"
                    + " organisation number updates it.", schema = @Schema(enumeration = {"create", "upsert"},
                            defaultValue = "create")) @QueryParam("mode") String mode,
            @Parameter(description = "true: all or nothing; false: row by row.",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("atomic") String atomic,
            @Parameter(description = "The status new members get: published, pending, or keep (each row's own status"
                    + " column or property, as an export wrote it; published where a row has none).",
                    schema = @Schema(enumeration = {"published", "pending", "keep"}, defaultValue = "published"))
            @QueryParam("status") String status,
            InputStream body, @Context UriInfo uri) {
        ImportFormat format = formatOf(contentType);
        ImportOptions options = ImportOptions.parse(dryRun, mode, atomic, status);
        ImportJobView job = imports.start(format, options, body, caller.getPrincipal().getName());
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(job.id().toString()).build()).build();
    }

    @GET
    @Path("/template.csv")
    @RolesAllowed(Roles.ADMIN)
    @Produces(CsvWriter.MEDIA_TYPE)
    @Operation(operationId = "getImportTemplate", summary = "The CSV template of an import",
            description = "Admins only. Every column an import reads, by its English header (Swedish headers are accepted"
                    + " too), and one example member: UTF-8 with a byte order mark, semicolons between cells, as Swedish"
                    + " Excel writes it. Multi-valued cells separate their values with |. See docs/transfer.md.")
    @APIResponse(responseCode = "200", description = "The template.",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"members-template.csv\"",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content = @Content(mediaType = CsvWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, maxLength = 10000)))
    public Response template() {
        return Response.ok(ImportTemplate.csv())
                .header("Content-Disposition", "attachment; filename=\"members-template.csv\"").build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getImport", summary = "Follow an import",
            description = "Admins only. Status, progress and the problems of each bad row.")
    @APIResponse(responseCode = "200", description = "The job.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ImportJobView get(@PathParam("id") @Parameter(description = "The job's id (UUID).",
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) UUID id) {
        return imports.get(id);
    }

    @GET
    @Path("/{id}/errors.csv")
    @RolesAllowed(Roles.ADMIN)
    @Produces(CsvWriter.MEDIA_TYPE)
    @Operation(operationId = "getImportErrors", summary = "A CSV import's failed rows",
            description = "Admins only. The rows that failed, as they were written, under the file's header, with an"
                    + " added errors column saying what is wrong with each. Fix them in the spreadsheet and import the"
                    + " file again: the errors column is ignored.")
    @APIResponse(responseCode = "200", description = "The failed rows (only the header when none failed).",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"import-errors.csv\"",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content = @Content(mediaType = CsvWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    maxLength = Integer.MAX_VALUE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response errors(@PathParam("id") @Parameter(description = "The job's id (UUID).",
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) UUID id) throws IOException {
        ImportService.ErrorsFile file = imports.errors(id);
        return Response.ok((StreamingOutput) file::writeTo)
                .header("Content-Disposition", "attachment; filename=\"import-errors.csv\"").build();
    }

    private static ImportFormat formatOf(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals(NDJSON) || type.equals("application/ndjson")) {
            return ImportFormat.NDJSON;
        }
        if (type.equals(CSV)) {
            return ImportFormat.CSV;
        }
        throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "An import is NDJSON or CSV: send it with"
                + " Content-Type " + NDJSON + " or text/csv.");
    }
}
