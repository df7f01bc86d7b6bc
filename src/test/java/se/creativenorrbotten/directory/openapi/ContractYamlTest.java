package se.creativenorrbotten.directory.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** ContractYaml quotes exactly the strings that a YAML 1.1 reader would take for another type. */
class ContractYamlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"2027-01-31", "2026-11-26T10:15:30.123Z", "2022-03-10T16:15:50Z", "2026-11-26 10:15:30",
            "yes", "No", "on", "OFF", "true", "null", "~", "1:20", "190:20:30", "0x1F", "0b101", "1_000", "012", ".inf",
            "-.Inf", ".NaN", "1e3", "3.14", "42", "-7", "2580", ""})
    void aStringThatYaml11ReadsAsAnotherTypeIsQuotedAndReadBackAsTheString(String text) {
        ObjectNode node = JSON.createObjectNode().put("value", text);
        node.putArray("list").add(text);
        node.put(text.isEmpty() ? "empty" : text, "as a key");
        String yaml = ContractYaml.toYaml(node);
        Map<String, Object> read = new Yaml().load(yaml);
        assertEquals(text, read.get("value"), yaml);
        assertEquals(List.of(text), read.get("list"), yaml);
        assertTrue(read.containsKey(text.isEmpty() ? "empty" : text), yaml);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ux-design", "Åsa Öberg Design", "asa-oberg-design", "application/problem+json", "Luleå",
            "2027-01-31T", "v1.0.0", "sv"})
    void anOrdinaryStringStaysPlain(String text) {
        String yaml = ContractYaml.toYaml(JSON.createObjectNode().put("value", text));
        assertFalse(yaml.contains("\"" + text + "\""), yaml);
        assertEquals(text, new Yaml().<Map<String, Object>>load(yaml).get("value"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"n\": 3, \"big\": 9223372036854775807, \"x\": 1.5, \"b\": false, \"nothing\": null}"})
    void numbersBooleansAndNullKeepTheirTypes(String json) throws Exception {
        String yaml = ContractYaml.toYaml(JSON.readTree(json));
        assertEquals(JSON.readTree(json), JSON.valueToTree(new Yaml().load(yaml)));
    }
}
