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
 */
final class StrictUtf8Input extends InputDecorator {

    private static final long serialVersionUID = 1L;

    @Override
    public InputStream decorate(IOContext context, InputStream in) throws java.io.IOException {
        byte[] bytes = in.readAllBytes();
        Utf8.requireValid(bytes, 0, bytes.length);
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public InputStream decorate(IOContext context, byte[] src, int offset, int length) throws java.io.IOException {
        Utf8.requireValid(src, offset, length);
        return null;
    }

    @Override
    public Reader decorate(IOContext context, Reader reader) {
        return reader;
    }
}
