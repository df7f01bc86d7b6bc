package se.creativenorrbotten.directory.member;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import se.creativenorrbotten.directory.common.problem.ProblemException;

/**
 * A place in the change feed, as the opaque text a partner sends back ({@code since}): base64url (no padding) of
 * {@code c1.<place in the change sequence>.<database id>}. It holds no state of a server, so it survives restarts and
 * works on every instance; the database id makes a cursor from another directory (or a restore of another
 * database) a 400 instead of a silent gap. Only the decoder's rules are the contract: partners treat it as opaque.
 */
public record FeedCursor(long seq, String databaseId) {

    /** The format's version: a later format gets another, and this one stays readable or answers 400. */
    static final String VERSION = "c1";
    /** Longer texts are refused before decoding (a cursor is about 80 characters). */
    static final int MAX_LENGTH = 200;
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern PLACE = Pattern.compile("0|[1-9][0-9]{0,18}");
    private static final Pattern DATABASE = Pattern.compile("[0-9A-Za-z-]{1,64}");
    static final String PARAMETER = "since";

    public FeedCursor {
        if (seq < 0) {
            throw new IllegalArgumentException("a place in the change sequence is never negative");
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + "." + seq + "." + databaseId).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor this directory handed out; anything else is a 400 naming {@code since}. */
    public static FeedCursor decode(String text, String databaseId) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH || !BASE64URL.matcher(text).matches()) {
            throw invalid();
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
        String[] parts = plain.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0]) || !PLACE.matcher(parts[1]).matches()
                || !DATABASE.matcher(parts[2]).matches()) {
            throw invalid();
        }
        long seq;
        try {
            seq = Long.parseLong(parts[1]);
        } catch (NumberFormatException tooLarge) {
            throw invalid();
        }
        if (!parts[2].equals(databaseId)) {
            throw ProblemException.invalid(PARAMETER, "the cursor comes from another directory database; start again"
                    + " without since");
        }
        return new FeedCursor(seq, parts[2]);
    }

    private static ProblemException invalid() {
        return ProblemException.invalid(PARAMETER, "must be a nextCursor of this feed, sent back unchanged (or leave since"
                + " out to start from the beginning)");
    }
}
