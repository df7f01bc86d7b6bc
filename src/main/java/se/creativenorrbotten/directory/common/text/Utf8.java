package se.creativenorrbotten.directory.common.text;

import java.io.CharConversionException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8, as the API requires of every request body: malformed bytes are refused instead of being
 * replaced by U+FFFD or, worse, decoded anyway. The JDK's decoder with {@link CodingErrorAction#REPORT}
 * refuses overlong forms ({@code C0 BC} would be '<'), encoded surrogates ({@code ED A0 80}), code points
 * above U+10FFFF and the old 5- and 6-byte forms, stray continuation bytes and a sequence cut off at the end.
 */
public final class Utf8 {

    /** The chars {@link #requireValid} decodes at a time. */
    private static final int CHECK_BUFFER = 1024;

    private Utf8() {
    }

    /** The bytes as text; {@link InvalidUtf8Exception} at the first byte that is not UTF-8. */
    public static String decode(byte[] bytes) throws InvalidUtf8Exception {
        return decode(bytes, 0, bytes.length);
    }

    public static String decode(byte[] bytes, int offset, int length) throws InvalidUtf8Exception {
        // UTF-8 never gives more chars than bytes: the text fits the buffer in one pass.
        CharBuffer text = CharBuffer.allocate(length);
        decode(bytes, offset, length, text);
        return text.flip().toString();
    }

    /**
     * Checks that the bytes are UTF-8, without keeping the text: a small buffer is reused, so that checking a body
     * before a parser reads it costs no copy of the body.
     */
    public static void requireValid(byte[] bytes, int offset, int length) throws InvalidUtf8Exception {
        decode(bytes, offset, length, CharBuffer.allocate(Math.min(length, CHECK_BUFFER)));
    }

    /** Decodes into {@code out}, which is emptied each time it fills up (a caller that keeps the text sizes it to fit). */
    private static void decode(byte[] bytes, int offset, int length, CharBuffer out) throws InvalidUtf8Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CoderResult result = decoder.decode(in, out, true);
        while (result.isOverflow()) {
            out.clear();
            result = decoder.decode(in, out, true);
        }
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new InvalidUtf8Exception(in.position() - offset);
        }
    }

    /** Bytes that are not UTF-8; an IOException, so that it can leave a parser's input stream. */
    public static final class InvalidUtf8Exception extends CharConversionException {

        private final long offset;

        public InvalidUtf8Exception(long offset) {
            super("not UTF-8 at byte " + offset);
            this.offset = offset;
        }

        /** Where the first malformed sequence starts, counting bytes from 0. */
        public long offset() {
            return offset;
        }
    }
}
