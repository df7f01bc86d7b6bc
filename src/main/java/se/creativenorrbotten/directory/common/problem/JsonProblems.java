package se.creativenorrbotten.directory.common.problem;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.common.json.TextDeserializer.InvalidTextException;
import se.creativenorrbotten.directory.common.text.PlainText;

/** Turns Jackson's failures into problems that name the field, in the API's words rather than Java's. */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static ProblemException of(JsonProcessingException e) {
        if (e instanceof InvalidTextException text) {
            String field = path(text.getPath());
            return ProblemException.invalid(field.isEmpty() ? "body" : field, text.detail());
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = path(mismatch.getPath());
            if (mismatch instanceof UnrecognizedPropertyException unknown) {
                return ProblemException.invalid(field, "unknown property '" + PlainText.quotable(unknown.getPropertyName()) + "'");
            }
            if (field.isEmpty()) {
                return new ProblemException(ProblemType.MALFORMED_REQUEST, "The request body must be a JSON object.");
            }
            return ProblemException.invalid(field, expectation(mismatch.getTargetType(), mismatch));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return ProblemException.invalid(path(mapping.getPath()), "has an invalid value");
        }
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new ProblemException(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON" + where + ".");
    }

    static String path(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                field.append(field.length() > 0 ? "." : "").append(PlainText.quotable(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String expectation(Class<?> target, MismatchedInputException e) {
        if (target == null) {
            return "has a value of the wrong type";
        }
        if (target.isEnum()) {
            String given = e instanceof InvalidFormatException format && format.getValue() != null
                    ? "'" + PlainText.quotable(String.valueOf(format.getValue())) + "' is not allowed; " : "";
            return given + "must be one of: " + Coded.allowed(target);
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "must be an integer";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "must be a number";
        }
        if (target == UUID.class) {
            return "must be a UUID";
        }
        if (target == java.time.LocalDate.class) {
            return "must be an ISO 8601 date such as 2027-01-31";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "must be an ISO 8601 date-time";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "must be an object";
        }
        return "has a value of the wrong type";
    }
}
