package se.creativenorrbotten.directory.transfer;

import java.io.Closeable;
import java.io.IOException;

/** The rows of an import file, read one at a time: the file is never held in memory. */
public interface ImportRows extends Closeable {

    /** The next row, or null after the last. */
    ImportRow next() throws IOException;

    /** The header as written, for a file of the failed rows; null when the format has none (NDJSON). */
    default java.util.List<String> header() {
        return null;
    }
}
