package se.creativenorrbotten.directory.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class VaryTest {

    @Test
    void addsATokenToOneHeader() {
        assertEquals("Origin", Vary.with(List.of(), "Origin"));
        assertEquals("Accept-Language, Origin", Vary.with(List.of("Accept-Language"), "Origin"));
        assertEquals("Accept-Language, Accept-Encoding, Origin", Vary.with(List.of("Accept-Language", " Accept-Encoding "), "Origin"));
        assertEquals("Origin", Vary.with(List.of(" "), "Origin"));
    }

    @Test
    void listsEachTokenOnce() {
        assertNull(Vary.with(List.of("origin"), "Origin"));
        assertNull(Vary.with(List.of("Accept-Language, Origin"), "Origin"));
        assertNull(Vary.with(List.of("*"), "Origin"));
    }
}
