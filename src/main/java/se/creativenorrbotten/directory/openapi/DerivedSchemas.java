package se.creativenorrbotten.directory.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import se.creativenorrbotten.directory.curation.ApplicationInput;
import se.creativenorrbotten.directory.member.dto.MemberInput;

/**
 * The schemas that other bodies take from MemberInput, so that its annotations stay their one source: an
 * application (MemberInput's properties less the ones an application may not send, plus its own) and a merge
 * patch of a member (every MemberInput property, none required, the optional ones nullable: null clears them).
 */
final class DerivedSchemas {

    private static final String MEMBER_INPUT = "MemberInput";

    private DerivedSchemas() {
    }

    static void document(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Schema input = schemas == null ? null : schemas.get(MEMBER_INPUT);
        if (input == null || input.getProperties() == null) {
            return;
        }
        Schema application = schemas.get(ApplicationInput.SCHEMA);
        if (application != null) {
            application(application, input);
        }
        openAPI.getComponents().addSchema(MemberInput.PATCH_SCHEMA, patch(input));
    }

    /** MemberInput's properties that an application may send, first, then the application's own. */
    private static void application(Schema application, Schema input) {
        Map<String, Schema> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        input.getProperties().forEach((name, property) -> {
            if (!ApplicationInput.REFUSED_MEMBER_PROPERTIES.containsKey(name)) {
                properties.put(name, property);
                if (input.getRequired() != null && input.getRequired().contains(name)) {
                    required.add(name);
                }
            }
        });
        if (application.getProperties() != null) {
            properties.putAll(application.getProperties());
        }
        if (application.getRequired() != null) {
            required.addAll(application.getRequired());
        }
        application.setProperties(properties);
        application.setRequired(required);
    }

    private static Schema patch(Schema input) {
        List<String> required = input.getRequired() == null ? List.of() : input.getRequired();
        Schema patch = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("A JSON merge patch (RFC 7396) of a member: any of MemberInput's properties, with the same"
                        + " rules. A property sent replaces the stored one; null clears an optional one (" + String.join(", ",
                                required) + " cannot be cleared). The read-only properties of Member are not part of it"
                        + " (sent back, they are ignored). The merged result must be a valid MemberInput.");
        input.getProperties().forEach((name, property) ->
                patch.addProperty(name, required.contains(name) ? property : nullable(property)));
        return patch;
    }

    /** A copy of the schema that also allows null (OpenAPI 3.1: the type "null"). */
    private static Schema nullable(Schema schema) {
        if (schema.getRef() != null || schema.getType() == null) {
            return OASFactory.createSchema().addAnyOf(schema).addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
        }
        Schema copy = OASFactory.createSchema();
        copy.setAll(new LinkedHashMap<>(schema.getAll()));
        List<Schema.SchemaType> types = new ArrayList<>(schema.getType());
        types.add(Schema.SchemaType.NULL);
        copy.setType(types);
        if (schema.getEnumeration() != null) {
            List<Object> values = new ArrayList<>(schema.getEnumeration());
            values.add(null);
            copy.setEnumeration(values);
        }
        return copy;
    }
}
