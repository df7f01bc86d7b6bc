package se.creativenorrbotten.directory.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed contract (openapi/) must be exactly what the code generates, so it can never drift:
 * after a change to the API, `./mvnw package` rewrites openapi/ and the change is committed with it.
 * Tests write their own copy elsewhere (application.properties), so this compares the committed files.
 */
@QuarkusTest
class ContractTest {

    private static final String HOW_TO_FIX = "openapi/%s differs from the contract the code generates;"
            + " run ./mvnw package and commit openapi/";

    @Test
    void committedJsonContractIsWhatTheCodeGenerates() throws IOException {
        assertEquals(generated(), new ObjectMapper().readTree(Path.of("openapi/openapi.json").toFile()),
                HOW_TO_FIX.formatted("openapi.json"));
    }

    @Test
    void committedYamlContractIsWhatTheCodeGenerates() throws IOException {
        assertEquals(generated(), new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi/openapi.yaml").toFile()),
                HOW_TO_FIX.formatted("openapi.yaml"));
    }

    @Test
    void committedYamlIsTheCommittedJsonWrittenByContractYaml() throws IOException {
        // Byte for byte: the build writes openapi.yaml from openapi.json (ContractYaml), quoting what YAML 1.1 misreads.
        assertEquals(ContractYaml.toYaml(new ObjectMapper().readTree(Path.of("openapi/openapi.json").toFile())),
                Files.readString(Path.of("openapi/openapi.yaml"), StandardCharsets.UTF_8),
                HOW_TO_FIX.formatted("openapi.yaml"));
    }

    private static JsonNode generated() throws IOException {
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        return new ObjectMapper().readTree(served);
    }
}
