package se.creativenorrbotten.directory.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Writes the committed openapi/openapi.yaml from openapi/openapi.json, so that the YAML says exactly what the
 * JSON says to every YAML reader. SmallRye OpenAPI writes its YAML with the fewest quotes that YAML 1.2 needs,
 * so a string such as {@code 2027-01-31} comes out plain, and a YAML 1.1 reader (SnakeYAML's default, PyYAML,
 * many generators) reads it as a date. Here a string is quoted whenever a YAML 1.1 reader would resolve its
 * plain form to anything but a string (dates, times, numbers, booleans, null, sexagesimals, …).
 *
 * <p>The build runs {@link #main} right after Quarkus has written openapi/ (pom.xml, package phase);
 * ContractTest checks that the committed YAML is this rendering of the committed JSON.
 */
public final class ContractYaml {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.ALLOW_LONG_KEYS)
            .stringQuotingChecker(new Yaml11Safe())
            .build());

    private ContractYaml() {
    }

    /** The contract as YAML that YAML 1.1 and 1.2 readers read alike. */
    public static String toYaml(JsonNode contract) {
        try {
            return YAML.writeValueAsString(contract);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Arguments: the JSON contract to read, the YAML file to write. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ContractYaml <openapi.json> <openapi.yaml>");
        }
        JsonNode contract = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        Files.writeString(Path.of(args[1]), toYaml(contract), StandardCharsets.UTF_8);
    }

    /** Quotes what Jackson quotes, plus every string that a YAML 1.1 resolver would not read as a string. */
    static final class Yaml11Safe extends StringQuotingChecker.Default {

        private static final long serialVersionUID = 1L;
        private static final Resolver YAML_1_1 = new Resolver();

        @Override
        public boolean needToQuoteName(String name) {
            return super.needToQuoteName(name) || !readAsString(name);
        }

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || !readAsString(value);
        }

        /** Whether a YAML 1.1 reader (SnakeYAML's default resolver) reads this plain scalar as a string. */
        static boolean readAsString(String plain) {
            return YAML_1_1.resolve(NodeId.scalar, plain, true).equals(Tag.STR);
        }
    }
}
