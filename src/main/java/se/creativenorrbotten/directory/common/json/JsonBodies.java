package se.creativenorrbotten.directory.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import se.creativenorrbotten.directory.common.problem.JsonProblems;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.problem.ProblemType;

/**
 * Request bodies that a service reads as JSON itself (merge patches, applications), with the same
 * problems as the bodies Jackson binds for the resources: malformed JSON, a body that is no object, and
 * a value of the wrong type named by its field.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** The body as a JSON object; {@code what} names it in the problem ("A merge patch must be a JSON object."). */
    public static ObjectNode object(ObjectMapper json, String body, String what) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        }
        if (node == null || !node.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, what + " must be a JSON object.");
        }
        return (ObjectNode) node;
    }

    /** Binds a JSON tree to a request record, with the strict rules of the API's mapper. */
    public static <T> T bind(ObjectMapper json, JsonNode tree, Class<T> type) {
        try {
            return json.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        }
    }
}
