package se.creativenorrbotten.directory.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import se.creativenorrbotten.directory.common.text.Utf8;

/** The API's mapper reads bytes as UTF-8 only, whatever encoding Jackson would otherwise detect. */
class StrictUtf8InputTest {

    private static final String BODY = "{\"name\":\"\u4E2D\"}";

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @ParameterizedTest
    @ValueSource(strings = { "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE" })
    void jsonInAnotherUnicodeEncodingIsRefused(String encoding) {
        // U+4E2D is 4E 2D in UTF-16BE: every byte of the body is ASCII, only the NULs give it away.
        byte[] body = BODY.getBytes(Charset.forName(encoding));
        ObjectMapper mapper = mapper();
        assertThrows(Utf8.InvalidUtf8Exception.class, () -> mapper.readValue(body, Map.class));
        assertThrows(Utf8.InvalidUtf8Exception.class,
                () -> mapper.readValue(new java.io.ByteArrayInputStream(body), Map.class));
    }

    @Test
    void utf8IsRead() throws Exception {
        ObjectMapper mapper = mapper();
        assertEquals(Map.of("name", "\u4E2D"), mapper.readValue(BODY.getBytes(StandardCharsets.UTF_8), Map.class));
        assertEquals(Map.of("name", "\u4E2D"), mapper.readValue(
                new java.io.ByteArrayInputStream(BODY.getBytes(StandardCharsets.UTF_8)), Map.class));
        assertEquals("x", mapper.readValue("\"x\"".getBytes(StandardCharsets.UTF_8), String.class));
        assertEquals(1, mapper.readValue(new byte[] { '1' }, Integer.class));
    }
}
