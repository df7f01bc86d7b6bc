package se.creativenorrbotten.directory.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class MergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws JsonProcessingException {
        return JSON.readTree(text);
    }

    /** The examples of RFC 7396, Appendix A. */
    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "{\"a\":\"b\"}                 | {\"a\":\"c\"}                      | {\"a\":\"c\"}",
        "{\"a\":\"b\"}                 | {\"b\":\"c\"}                      | {\"a\":\"b\",\"b\":\"c\"}",
        "{\"a\":\"b\"}                 | {\"a\":null}                       | {}",
        "{\"a\":\"b\",\"b\":\"c\"}     | {\"a\":null}                       | {\"b\":\"c\"}",
        "{\"a\":[\"b\"]}               | {\"a\":\"c\"}                      | {\"a\":\"c\"}",
        "{\"a\":\"c\"}                 | {\"a\":[\"b\"]}                    | {\"a\":[\"b\"]}",
        "{\"a\":{\"b\":\"c\"}}         | {\"a\":{\"b\":\"d\",\"c\":null}}   | {\"a\":{\"b\":\"d\"}}",
        "{\"a\":[{\"b\":\"c\"}]}       | {\"a\":[1]}                        | {\"a\":[1]}",
        "[\"a\",\"b\"]                 | [\"c\",\"d\"]                      | [\"c\",\"d\"]",
        "{\"a\":\"b\"}                 | [\"c\"]                            | [\"c\"]",
        "{\"a\":\"foo\"}               | null                               | null",
        "{\"a\":\"foo\"}               | \"bar\"                            | \"bar\"",
        "{\"e\":null}                  | {\"a\":1}                          | {\"e\":null,\"a\":1}",
        "[1,2]                         | {\"a\":\"b\",\"c\":null}           | {\"a\":\"b\"}",
        "{}                            | {\"a\":{\"bb\":{\"ccc\":null}}}    | {\"a\":{\"bb\":{}}}",
    })
    void appliesTheRfc7396Examples(String original, String patch, String result) throws JsonProcessingException {
        assertEquals(json(result), MergePatch.apply(json(original), json(patch)));
    }

    @Test
    void theTargetIsNotChanged() throws JsonProcessingException {
        JsonNode target = json("{\"a\":{\"b\":\"c\"},\"d\":[1]}");

        MergePatch.apply(target, json("{\"a\":{\"b\":null,\"x\":1},\"d\":null}"));

        assertEquals(json("{\"a\":{\"b\":\"c\"},\"d\":[1]}"), target);
    }

    @Test
    void aMissingTargetIsAnEmptyObject() throws JsonProcessingException {
        assertEquals(json("{\"a\":{\"b\":1}}"), MergePatch.apply(null, json("{\"a\":{\"b\":1,\"c\":null}}")));
    }
}
