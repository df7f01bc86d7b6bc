package se.creativenorrbotten.directory.common.json;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;

import se.creativenorrbotten.directory.common.text.Utf8;

/**
 * Checks that JSON given as bytes is strict UTF-8 before Jackson parses it: Jackson's decoder accepts
 * overlong forms ({@code C0 BC} becomes '<') and reports other malformed bytes as a bad value of whatever
 * field they are in. A body that is not UTF-8 fails with {@link Utf8.InvalidUtf8Exception} (a
 * malformed-request problem). Bodies are small (the HTTP limit is 64 KiB), so the stream is read at once.
 * <p>
 * A NUL byte among the first four is refused too: JSON in UTF-8 never has one (not even in a string), and
 * Jackson takes it as the sign of UTF-16 or UTF-32 and reads the body in that encoding, so that a UTF-16 body
 * whose bytes all happen to be ASCII would pass as UTF-8 and be read as something else.
 */
final class StrictUtf8Input extends InputDecorator {

    private static final long serialVersionUID = 1L;

    /** How many leading bytes Jackson looks at to guess the encoding. */
    private static final int DETECTED_BYTES = 4;

    @Override
    public InputStream decorate(IOContext context, InputStream in) throws java.io.IOException {
        byte[] bytes = in.readAllBytes();
        requireUtf8(bytes, 0, bytes.length);
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public InputStream decorate(IOContext context, byte[] src, int offset, int length) throws java.io.IOException {
        requireUtf8(src, offset, length);
        return null;
    }

    @Override
    public Reader decorate(IOContext context, Reader reader) {
        return reader;
    }

    private static void requireUtf8(byte[] bytes, int offset, int length) throws Utf8.InvalidUtf8Exception {
        refuseOtherUnicode(bytes, offset, length);
        Utf8.requireValid(bytes, offset, length);
    }

    /** Refuses JSON that starts like UTF-16 or UTF-32 (a NUL among its first bytes); see the class comment. */
    static void refuseOtherUnicode(byte[] bytes, int offset, int length) throws Utf8.InvalidUtf8Exception {
        for (int i = 0; i < Math.min(length, DETECTED_BYTES); i++) {
            if (bytes[offset + i] == 0) {
                throw new Utf8.InvalidUtf8Exception(i);
            }
        }
    }
}
