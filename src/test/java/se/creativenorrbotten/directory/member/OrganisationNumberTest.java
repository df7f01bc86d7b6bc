package se.creativenorrbotten.directory.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OrganisationNumberTest {

    private static final String FORMAT = "must be written NNNNNN-NNNN";

    @ParameterizedTest
    @ValueSource(strings = {"556036-0793", "212000-0142", "556016-0680", "202100-5489", "552000-0000"})
    void organisationNumbersWithAValidCheckDigitAreAccepted(String number) {
        assertNull(OrganisationNumber.problem(number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"556036-0794", "556036-0790", "212000-0143", "556016-0681", "556063-0793"})
    void aChangedDigitIsAWrongCheckDigit(String number) {
        assertEquals("has a wrong check digit", OrganisationNumber.problem(number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"850101-1236", "850101-1238", "121212-1212", "551900-0000", "000000-0000"})
    void personalIdentityNumbersAreRefusedAsSuchWhateverTheirCheckDigit(String number) {
        String problem = OrganisationNumber.problem(number);

        assertTrue(problem != null && problem.startsWith("is a personal identity number"), problem);
    }

    @Test
    void theRefusedPersonalNumberHasAValidCheckDigit() {
        // So the refusal above is about the kind of number, not the check digit.
        assertTrue(OrganisationNumber.luhnValid("8501011236"));
        assertTrue(OrganisationNumber.luhnValid("1212121212"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"5560360793", "556036 0793", "556036-079", "16556036-0793", "55603a-0793", " 556036-0793"})
    void anythingButNnnnnnDashNnnnIsAFormatProblem(String number) {
        assertEquals(FORMAT, OrganisationNumber.problem(number));
    }

    @Test
    void luhnChecksEveryDigit() {
        assertTrue(OrganisationNumber.luhnValid("5560360793"));
        assertFalse(OrganisationNumber.luhnValid("5560360794"));
        assertFalse(OrganisationNumber.luhnValid("5650360793"));
    }
}
