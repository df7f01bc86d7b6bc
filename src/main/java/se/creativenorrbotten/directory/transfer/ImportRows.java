package se.creativenorrbotten.directory.transfer;

import java.io.Closeable;
import java.io.IOException;

/** The rows of an import file, read one at a time: the file is never held in memory. */
public interface ImportRows extends Closeable {

    /** The next row, or null after the last. */
    ImportRow next() throws IOException;
}
