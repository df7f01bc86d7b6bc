package se.creativenorrbotten.directory.member;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.creativenorrbotten.directory.common.http.DisplayLanguage;
import se.creativenorrbotten.directory.common.json.Coded;

/** The codes, their order (the API's) and the labels in both display languages. */
class OpportunityTest {

    @Test
    void codesComeInTheApisOrder() {
        assertEquals("assignments, employment, internship, collaboration, mentoring", Coded.allowed(Opportunity.class));
    }

    @Test
    void eachHasASwedishAndAnEnglishLabel() {
        assertEquals(List.of("Uppdrag", "Anställning", "Praktik/LIA", "Samarbete", "Mentorskap"), labels(DisplayLanguage.SV));
        assertEquals(List.of("Assignments", "Employment", "Internship/work placement", "Collaboration", "Mentoring"),
                labels(DisplayLanguage.EN));
    }

    @Test
    void theDatabaseHoldsTheCode() {
        Opportunity.DbConverter converter = new Opportunity.DbConverter();
        for (Opportunity opportunity : Opportunity.values()) {
            assertEquals(opportunity, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(opportunity)));
        }
        assertEquals("internship", converter.convertToDatabaseColumn(Opportunity.INTERNSHIP));
    }

    private static List<String> labels(DisplayLanguage language) {
        return Arrays.stream(Opportunity.values()).map(opportunity -> opportunity.label(language)).toList();
    }
}
