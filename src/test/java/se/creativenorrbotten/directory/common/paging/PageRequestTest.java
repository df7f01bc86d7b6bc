package se.creativenorrbotten.directory.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.creativenorrbotten.directory.common.problem.FieldError;
import se.creativenorrbotten.directory.common.problem.ProblemException;

class PageRequestTest {

    @Test
    void missingOrEmptyValuesMeanTheFirstPageOfTwenty() {
        assertEquals(new PageRequest(1, 20), PageRequest.parse(null, null));
        assertEquals(new PageRequest(1, 20), PageRequest.parse("", ""));
    }

    @ParameterizedTest(name = "page {0}, size {1} -> offset {2}")
    @CsvSource({"1, 1, 0", "3, 50, 100", "10000, 100, 999900", "2, 3, 3"})
    void theBoundsAreAcceptedAndGiveTheOffset(String page, String size, int offset) {
        assertEquals(offset, PageRequest.parse(page, size).offset());
    }

    @ParameterizedTest(name = "page {0}, size {1} -> errors {2}")
    @CsvSource({"0, 20, page", "10001, 20, page", "x, 20, page", "1.5, 20, page", "1, 0, size", "1, 101, size",
        "1, 2147483648, size", "-1, -1, page size"})
    void outOfRangeValuesAreInvalidAndReportedTogether(String page, String size, String fields) {
        ProblemException problem = assertThrows(ProblemException.class, () -> PageRequest.parse(page, size));

        assertEquals(400, problem.toProblem().status());
        assertEquals(List.of(fields.split(" ")), problem.toProblem().errors().stream().map(FieldError::field).toList());
    }
}
