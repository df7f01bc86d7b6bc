package se.creativenorrbotten.directory.openapi;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import se.creativenorrbotten.directory.common.validation.WebUrl;
import se.creativenorrbotten.directory.member.dto.MemberInput;
import se.creativenorrbotten.directory.partner.PartnerOrigins;

/**
 * The element constraints of the directory's code lists (bean validation declares them on the list
 * elements, which the OpenAPI scanner does not read): each list property or repeatable query parameter
 * of one of these kinds gets its items from a named schema.
 */
final class ItemSchemas {

    private static final Map<String, Schema> NAMED = new TreeMap<>(Map.of(
            "MunicipalityCode", string("An SCB municipality code of Norrbotten.", 4, MemberInput.MUNICIPALITY_PATTERN, "2580"),
            "SkillSlug", string("A skill's slug (see /api/v1/skills).", 60, MemberInput.SLUG_PATTERN, "ux-design"),
            "LanguageCode", string("An ISO 639-1 code, or ISO 639-3 where no two-letter code exists.", 3,
                    MemberInput.LANGUAGE_PATTERN, "sv"),
            "WebUrl", string("An absolute http or https URL.", WebUrl.MAX_LENGTH, WebUrl.PATTERN, "https://asaoberg.example")
                    .format("uri"),
            "PartnerOrigin", string("An origin a partner key grants: https://host[:port], or http://localhost[:port].",
                    PartnerOrigins.MAX_LENGTH, PartnerOrigins.PATTERN, "https://www.pitea.se")));

    /** List properties and query parameters by name, and the schema of their items. */
    private static final Map<String, String> ITEMS = Map.of(
            "serviceArea", "MunicipalityCode",
            "municipality", "MunicipalityCode",
            "skills", "SkillSlug",
            "skill", "SkillSlug",
            "languages", "LanguageCode",
            "language", "LanguageCode",
            "portfolioLinks", "WebUrl",
            "origins", "PartnerOrigin");

    private ItemSchemas() {
    }

    static void document(OpenAPI openAPI) {
        NAMED.forEach(openAPI.getComponents()::addSchema);
        if (openAPI.getComponents().getSchemas() != null) {
            for (Schema schema : openAPI.getComponents().getSchemas().values()) {
                if (schema.getProperties() != null) {
                    schema.getProperties().forEach(ItemSchemas::constrainItems);
                }
            }
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                List<Parameter> parameters = operation.getParameters();
                if (parameters != null) {
                    parameters.forEach(parameter -> constrainItems(parameter.getName(), parameter.getSchema()));
                }
            }
        }
    }

    private static void constrainItems(String name, Schema schema) {
        String named = ITEMS.get(name);
        if (named != null && schema != null && schema.getItems() != null && schema.getItems().getRef() == null
                && schema.getItems().getEnumeration() == null) {
            schema.setItems(OASFactory.createSchema().ref(named));
        }
    }

    private static Schema string(String description, int maxLength, String pattern, String example) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description).maxLength(maxLength)
                .pattern(pattern).examples(List.of(example));
    }
}
