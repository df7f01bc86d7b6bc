package se.creativenorrbotten.directory.taxonomy;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/municipalities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Municipalities")
@PermitAll
public class MunicipalityResource {

    private static final String EXAMPLE = """
            {"code": "2580", "name": "Luleå", "latitude": 65.5831, "longitude": 22.146, "memberCount": 12}""";

    private final MunicipalityService municipalities;

    public MunicipalityResource(MunicipalityService municipalities) {
        this.municipalities = municipalities;
    }

    @GET
    @Operation(operationId = "listMunicipalities", summary = "List the municipalities of Norrbotten",
            description = "All 14, in alphabetical order, with their SCB code, town centre and member count. Public.")
    @APIResponse(responseCode = "200", description = "All municipalities.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MunicipalityList.class),
                    examples = @ExampleObject(name = "municipalities", value = "{\"items\": [" + EXAMPLE + "]}")))
    public MunicipalityList list() {
        return municipalities.list();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getMunicipality", summary = "Show one municipality", description = "By its SCB code. Public.")
    @APIResponse(responseCode = "200", description = "The municipality.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MunicipalityView.class),
                    examples = @ExampleObject(name = "municipality", value = EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public MunicipalityView get(@PathParam("code") @Parameter(description = "The SCB municipality code.", example = "2580",
            schema = @Schema(type = SchemaType.STRING, maxLength = 4, pattern = "^[0-9]{4}$")) String code) {
        return municipalities.get(code);
    }
}
