package se.creativenorrbotten.directory.common.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the fuzz tests ask of a refusal: the project's own 4xx problem, complete, that the API's mapper can write. */
public final class ClientProblems {

    private ClientProblems() {
    }

    /** Asserts a 4xx problem with a detail, whose errors (if any) name a field, among {@code fields} when given. */
    public static Problem assertClientProblem(ProblemException refusal, ObjectMapper json, Set<String> fields) {
        Problem problem = refusal.toProblem();
        assertTrue(problem.status() >= 400 && problem.status() < 500, () -> "not a 4xx: " + problem);
        assertNotNull(problem.type());
        assertNotNull(problem.title());
        assertTrue(problem.detail() != null && !problem.detail().isBlank(), () -> "no detail: " + problem);
        if (problem.errors() != null) {
            assertFalse(problem.errors().isEmpty(), () -> "an empty errors list: " + problem);
            for (FieldError error : problem.errors()) {
                assertNotNull(error.field(), () -> "an error without a field: " + problem);
                assertNotNull(error.detail(), () -> "an error without a detail: " + problem);
                if (fields != null) {
                    assertTrue(fields.contains(error.field()), () -> "an error names no parameter: " + problem);
                }
            }
        }
        try {
            json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the problem cannot be written: " + problem, e);
        }
        return problem;
    }
}
