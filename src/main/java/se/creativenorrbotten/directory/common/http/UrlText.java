package se.creativenorrbotten.directory.common.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.problem.ProblemType;
import se.creativenorrbotten.directory.common.text.PlainText;
import se.creativenorrbotten.directory.common.text.Utf8;

/**
 * The request URL's text follows the same rules as a body's ({@link PlainText}): once percent-decoded, the
 * path and every query parameter must be UTF-8 without control characters (the path single-line; a query
 * value may hold tabs and line breaks). Checked before the request is routed, so that {@code %00} never
 * reaches a database (PostgreSQL refuses U+0000 with an error) and {@code %C0%BC} is not quietly read as
 * U+FFFD. The path gives 400 malformed-request; a query parameter 400 invalid-input naming it. A percent
 * sign that starts no escape is left as it is, for the HTTP layer to judge.
 * <p>
 * A byte outside ASCII must be percent-encoded (RFC 3986), or the request is 400 malformed-request: the HTTP
 * layer reads a raw one as ISO-8859-1, so that raw UTF-8 "å" would reach a resource as "Ã¥". Printable ASCII
 * without a percent sign (most requests: a public GET, a search for plain words) is acceptable as it is and
 * is not decoded here.
 */
public class UrlText {

    @ServerRequestFilter(preMatching = true)
    public void check(HttpServerRequest request) {
        String query = request.query();
        if (plain(request.path()) && plain(query)) {
            return;
        }
        requireAscii("path", request.path());
        requireAscii("query", query);
        String pathProblem = problem(request.path(), false, PlainText.Lines.SINGLE);
        if (pathProblem != null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The request path " + pathProblem
                    + " once percent-decoded.");
        }
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            String rawName = equals < 0 ? parameter : parameter.substring(0, equals);
            String nameProblem = problem(rawName, true, PlainText.Lines.SINGLE);
            if (nameProblem != null) {
                throw new ProblemException(ProblemType.MALFORMED_REQUEST, "A query parameter's name " + nameProblem
                        + " once percent-decoded.");
            }
            if (equals >= 0) {
                String valueProblem = problem(parameter.substring(equals + 1), true, PlainText.Lines.MULTI);
                if (valueProblem != null) {
                    throw ProblemException.invalid(new String(decode(rawName, true), StandardCharsets.UTF_8),
                            valueProblem + " (once percent-decoded)");
                }
            }
        }
    }

    private static void requireAscii(String part, String raw) {
        if (raw != null && raw.chars().anyMatch(c -> c > 0x7F)) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The request " + part + " holds a character"
                    + " outside ASCII that is not percent-encoded: send it as %-escaped UTF-8 (å as %C3%A5).");
        }
    }

    /** What is wrong with a percent-encoded part of the URL, or null. */
    static String problem(String raw, boolean query, PlainText.Lines lines) {
        if (plain(raw)) {
            return null;
        }
        String text;
        try {
            text = Utf8.decode(decode(raw, query));
        } catch (Utf8.InvalidUtf8Exception e) {
            return "is not UTF-8 text";
        }
        return PlainText.problem(text, lines);
    }

    /** The bytes a percent-encoded string stands for; '+' is a space in a query. */
    static byte[] decode(String raw, boolean query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c == '+' && query) {
                bytes.write(' ');
            } else if (c <= 0xFF) {
                // The HTTP layer reads the request line byte by byte (ISO-8859-1): a char is a raw byte.
                bytes.write(c);
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toByteArray();
    }

    /** Printable ASCII (space to '~') without a percent sign, or none: acceptable without being decoded. */
    static boolean plain(String raw) {
        if (raw == null) {
            return true;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '%') {
                return false;
            }
        }
        return true;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
