package se.creativenorrbotten.directory.openapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Every example in a contract, each with the schema it illustrates, and its validation with JSON Schema
 * 2020-12 (the dialect of OpenAPI 3.1): schema {@code examples} arrays, and the {@code example} and
 * {@code examples.*.value} of media types and parameters. References to components are resolved inside the
 * same contract.
 */
final class ContractExamples {

    /** One example: where it is (a JSON pointer-like path), its value and its schema. */
    record Example(String where, JsonNode value, JsonNode schema) {
        @Override
        public String toString() {
            return where;
        }
    }

    private static final String COMPONENTS = "#/components/schemas/";
    private static final String DEFS = "#/$defs/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final ObjectNode defs;
    private final List<Example> examples = new ArrayList<>();

    ContractExamples(JsonNode contract) {
        JsonNode resolvable = rewriteRefs(contract);
        this.defs = (ObjectNode) resolvable.path("components").path("schemas");
        collect("", resolvable, false);
    }

    List<Example> all() {
        return examples;
    }

    /** The example's problems with its schema, empty when it validates. */
    Set<String> problems(Example example) {
        ObjectNode schema = example.schema().isObject() ? ((ObjectNode) example.schema()).deepCopy()
                : new ObjectMapper().createObjectNode();
        schema.remove("examples");
        schema.remove("example");
        schema.set("$defs", defs);
        JsonSchema validator = FACTORY.getSchema(schema, CONFIG);
        Set<String> problems = new TreeSet<>();
        for (ValidationMessage message : validator.validate(example.value())) {
            problems.add(message.getMessage());
        }
        return problems;
    }

    private void collect(String where, JsonNode node, boolean isSchema) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(where + "/" + i, node.get(i), false);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode examplesNode = node.get("examples");
        if (isSchema && examplesNode != null && examplesNode.isArray()) {
            for (int i = 0; i < examplesNode.size(); i++) {
                examples.add(new Example(where + "/examples/" + i, examplesNode.get(i), node));
            }
        }
        JsonNode schema = node.get("schema");
        if (schema != null && !isSchema) { // a media type or a parameter
            if (node.has("example")) {
                examples.add(new Example(where + "/example", node.get("example"), schema));
            }
            if (examplesNode != null && examplesNode.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> named = examplesNode.fields(); named.hasNext();) {
                    Map.Entry<String, JsonNode> entry = named.next();
                    if (entry.getValue().has("value")) {
                        examples.add(new Example(where + "/examples/" + entry.getKey(), entry.getValue().get("value"), schema));
                    }
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (key.equals("examples") || key.equals("example")) {
                continue;
            }
            boolean childIsSchema = key.equals("schema") || key.equals("items") || key.equals("not")
                    || key.equals("additionalProperties") || (isSchema && (key.equals("anyOf") || key.equals("oneOf")
                            || key.equals("allOf")));
            String path = where + "/" + key;
            if ((isSchema && key.equals("properties")) || path.equals("/components/schemas")) {
                for (Iterator<Map.Entry<String, JsonNode>> each = field.getValue().fields(); each.hasNext();) {
                    Map.Entry<String, JsonNode> child = each.next();
                    collect(path + "/" + child.getKey(), child.getValue(), true);
                }
            } else if (childIsSchema && field.getValue().isArray()) {
                for (int i = 0; i < field.getValue().size(); i++) {
                    collect(path + "/" + i, field.getValue().get(i), true);
                }
            } else {
                collect(path, field.getValue(), childIsSchema);
            }
        }
    }

    private static JsonNode rewriteRefs(JsonNode contract) {
        ObjectMapper json = new ObjectMapper();
        try {
            return json.readTree(json.writeValueAsString(contract).replace(COMPONENTS, DEFS));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
