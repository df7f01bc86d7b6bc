package se.creativenorrbotten.directory.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The committed contract's examples are what its schemas allow, read as JSON and read by a YAML 1.1 parser
 * (SnakeYAML's default resolver, as many generators and tools read YAML): there a plain 2027-01-31 would
 * become a date and fail its string schema.
 */
class ContractExamplesTest {

    private static final Path JSON = Path.of("openapi/openapi.json");
    private static final Path YAML = Path.of("openapi/openapi.yaml");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyExampleOfTheJsonContractValidatesAgainstItsSchema() throws IOException {
        assertAllValid(MAPPER.readTree(JSON.toFile()));
    }

    @Test
    void aYaml11ParserReadsNoDateOrOtherNonJsonValueFromTheYamlContract() throws IOException {
        Object loaded = new Yaml().load(Files.readString(YAML, StandardCharsets.UTF_8));
        List<String> strays = new ArrayList<>();
        walk("", loaded, strays);
        assertEquals(List.of(), strays, "values a YAML 1.1 reader takes for something JSON cannot say (quote them)");
    }

    @Test
    void aYaml11ParserReadsTheYamlContractAsTheJsonContract() throws IOException {
        JsonNode fromYaml = MAPPER.valueToTree(new Yaml().load(Files.readString(YAML, StandardCharsets.UTF_8)));
        // Compared as text: number nodes of equal value may differ in class (int, long).
        assertEquals(MAPPER.readTree(JSON.toFile()).toString(), fromYaml.toString());
    }

    @Test
    void everyExampleOfTheYamlContractReadAsYaml11ValidatesAgainstItsSchema() throws IOException {
        assertAllValid(MAPPER.valueToTree(new Yaml().load(Files.readString(YAML, StandardCharsets.UTF_8))));
    }

    @Test
    void theCheckFindsTheExamplesAndFailsABadOne() throws IOException {
        ContractExamples examples = new ContractExamples(MAPPER.readTree("""
                {"components": {"schemas": {
                  "Day": {"type": "string", "format": "date", "examples": ["2027-01-31"]},
                  "Thing": {"type": "object", "properties": {"until": {"$ref": "#/components/schemas/Day"},
                            "n": {"type": "integer", "maximum": 3, "examples": [4]}}}}},
                 "paths": {"/x": {"post": {"requestBody": {"content": {"application/json": {
                   "schema": {"$ref": "#/components/schemas/Thing"},
                   "examples": {"good": {"value": {"until": "2027-02-01"}}, "bad": {"value": {"until": 20270201}}}}}}}}}}
                """));
        Map<String, Set<String>> problems = new LinkedHashMap<>();
        examples.all().forEach(example -> problems.put(example.where(), examples.problems(example)));
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get("/components/schemas/Day/examples/0").isEmpty());
        assertFalse(problems.get("/components/schemas/Thing/properties/n/examples/0").isEmpty());
        assertTrue(problems.get("/paths//x/post/requestBody/content/application/json/examples/good").isEmpty(),
                problems.toString());
        assertFalse(problems.get("/paths//x/post/requestBody/content/application/json/examples/bad").isEmpty());
    }

    private static void assertAllValid(JsonNode contract) {
        ContractExamples examples = new ContractExamples(contract);
        assertTrue(examples.all().size() > 100, "found only " + examples.all().size() + " examples");
        Map<String, Set<String>> failures = new LinkedHashMap<>();
        for (ContractExamples.Example example : examples.all()) {
            Set<String> problems = examples.problems(example);
            if (!problems.isEmpty()) {
                failures.put(example.where(), problems);
            }
        }
        assertEquals(Map.of(), failures, "examples that fail their own schema");
    }

    /** Collects every value that is no JSON type (a Date, a byte array, a set, …). */
    private static void walk(String where, Object value, List<String> strays) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> {
                if (!(key instanceof String)) {
                    strays.add(where + " key " + key + " (" + key.getClass().getSimpleName() + ")");
                }
                walk(where + "/" + key, child, strays);
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(where + "/" + i, list.get(i), strays);
            }
        } else if (value != null && !(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
            strays.add(where + " = " + value + " (" + value.getClass().getSimpleName() + ")");
        }
    }
}
