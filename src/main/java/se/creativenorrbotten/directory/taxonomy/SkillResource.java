package se.creativenorrbotten.directory.taxonomy;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import se.creativenorrbotten.directory.common.problem.ProblemMappers;
import se.creativenorrbotten.directory.security.Roles;

@Path("/api/v1/skills")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Skills")
public class SkillResource {

    private static final String SKILL_EXAMPLE = """
            {"slug": "ux-design", "nameSv": "UX-design", "nameEn": "UX design", "branch": "visual-arts-design", "memberCount": 7}""";
    /** A skill that the seeded taxonomy does not have yet. */
    private static final String CREATE_EXAMPLE = """
            {"slug": "voice-acting", "nameSv": "Röstskådespeleri", "nameEn": "Voice acting", "branch": "audiovisual"}""";
    /** The path's skill (ux-design, seeded) renamed; the slug left out, as it cannot change. */
    private static final String UPDATE_EXAMPLE = """
            {"nameSv": "UX-design", "nameEn": "UX design", "branch": "visual-arts-design"}""";

    private static final String SLUG_DOC = "The skill's slug.";

    private final SkillService skills;

    public SkillResource(SkillService skills) {
        this.skills = skills;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listSkills", summary = "List the skill taxonomy",
            description = "Every skill, grouped by creative branch, with the number of members who carry it. Public.")
    @APIResponse(responseCode = "200", description = "All skills.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SkillList.class),
                    examples = @ExampleObject(name = "skills", value = "{\"items\": [" + SKILL_EXAMPLE + "]}")))
    public SkillList list() {
        return skills.list();
    }

    @GET
    @Path("/{slug}")
    @PermitAll
    @Operation(operationId = "getSkill", summary = "Show one skill", description = "A skill with its member count. Public.")
    @APIResponse(responseCode = "200", description = "The skill.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SkillView.class),
                    examples = @ExampleObject(name = "skill", value = SKILL_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SkillView get(@PathParam("slug") @Parameter(description = SLUG_DOC, example = "ux-design", schema = @Schema(type = SchemaType.STRING, maxLength = 60, pattern = SkillInput.SLUG_PATTERN)) String slug) {
        return skills.get(slug);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSkill", summary = "Add a skill", description = "Admins only. The slug is derived from the English name when left out.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SkillInput.class), examples = @ExampleObject(name = "skill", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new skill.",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The new skill's URL.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 200)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SkillView.class),
                    examples = @ExampleObject(name = "skill", value = SKILL_EXAMPLE)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@NotNull @Valid SkillInput body, @Context UriInfo uri) {
        SkillView created = skills.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.slug()).build()).entity(created).build();
    }

    @PUT
    @Path("/{slug}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateSkill", summary = "Rename a skill or move it to another branch", description = "Admins only. The slug cannot change.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SkillInput.class), examples = @ExampleObject(name = "skill", value = UPDATE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The updated skill.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SkillView.class),
                    examples = @ExampleObject(name = "skill", value = SKILL_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SkillView update(@PathParam("slug") @Parameter(description = SLUG_DOC, example = "ux-design", schema = @Schema(type = SchemaType.STRING, maxLength = 60, pattern = SkillInput.SLUG_PATTERN)) String slug, @NotNull @Valid SkillInput body) {
        return skills.update(slug, body);
    }

    @DELETE
    @Path("/{slug}")
    @RolesAllowed(Roles.ADMIN)
    @Produces({MediaType.APPLICATION_JSON, ProblemMappers.PROBLEM_JSON}) // no body: any Accept a client sends for errors
    @Operation(operationId = "deleteSkill", summary = "Remove a skill", description = "Admins only. A skill that members carry cannot be removed (409).")
    @APIResponse(responseCode = "204", description = "Removed.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void delete(@PathParam("slug") @Parameter(description = SLUG_DOC, example = "ux-design", schema = @Schema(type = SchemaType.STRING, maxLength = 60, pattern = SkillInput.SLUG_PATTERN)) String slug) {
        skills.delete(slug);
    }
}
