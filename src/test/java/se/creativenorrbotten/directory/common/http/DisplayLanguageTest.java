package se.creativenorrbotten.directory.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayLanguageTest {

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL | sv",
            "'' | sv",
            "en | en",
            "EN-gb | en",
            "sv-SE | sv",
            "'sv, en' | sv",
            "'en, sv' | en",
            "'sv;q=0.5, en' | en",
            "'en;q=0.5, sv;q=0.9' | sv",
            "'en;q=0' | sv",
            "'*' | sv",
            "'fi, en;q=0.8' | en",
            "'de' | sv",
            "'en;q=NaN' | sv",
            "'en;q=2' | sv",
            "'en;q=abc' | sv",
            "';;,,;q=' | sv",
            "'en ; Q=0.7' | en"})
    void choosesTheLanguageOfTheLabels(String header, String expected) {
        assertEquals(expected, DisplayLanguage.of(header).code());
    }

    @ParameterizedTest
    @CsvSource({"4000", "100000"})
    void readsOnlyTheStartOfAHugeHeader(int length) {
        String header = "x,".repeat(length / 2) + "en";
        assertEquals("sv", DisplayLanguage.of(header).code());
        assertEquals("en", DisplayLanguage.of("en," + header).code());
    }
}
