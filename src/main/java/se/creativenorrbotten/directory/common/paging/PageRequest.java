package se.creativenorrbotten.directory.common.paging;

import java.util.ArrayList;
import java.util.List;

import se.creativenorrbotten.directory.common.problem.FieldError;
import se.creativenorrbotten.directory.common.problem.ProblemException;

/**
 * A 1-based page and its size, parsed from query parameters. Parsing here (rather than letting
 * JAX-RS convert) keeps a bad value a 400 naming the parameter instead of JAX-RS's 404.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Deeper pages are refused: nobody reads them, and they would make offsets unbounded. */
    public static final int MAX_PAGE = 10_000;

    public int offset() {
        return (page - 1) * size;
    }

    public static PageRequest parse(String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        int p = parse("page", page, 1, 1, MAX_PAGE, errors);
        int s = parse("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new PageRequest(p, s);
    }

    /** One bounded integer parameter (absent: the fallback); anything else is a 400 naming it. */
    public static int bounded(String name, String value, int fallback, int min, int max) {
        List<FieldError> errors = new ArrayList<>();
        int parsed = parse(name, value, fallback, min, max, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return parsed;
    }

    private static int parse(String name, String value, int fallback, int min, int max, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.add(new FieldError(name, "must be an integer from " + min + " to " + max));
        return fallback;
    }
}
