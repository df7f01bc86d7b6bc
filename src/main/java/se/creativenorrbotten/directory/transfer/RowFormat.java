package se.creativenorrbotten.directory.transfer;

import java.io.IOException;
import java.nio.file.Path;

/** A format of import files (NDJSON, CSV): how many rows a file holds, and its rows one at a time. */
public interface RowFormat {

    ImportFormat format();

    /** The rows the file holds, counted before the job reads them, for its progress. */
    int count(Path file) throws IOException;

    ImportRows open(Path file) throws IOException;
}
