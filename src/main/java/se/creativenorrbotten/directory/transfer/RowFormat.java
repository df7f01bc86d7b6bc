package se.creativenorrbotten.directory.transfer;

import java.io.IOException;
import java.nio.file.Path;

/** A format of import files (NDJSON, CSV): how many rows a file holds, and its rows one at a time. */
public interface RowFormat {

    /** Rows of members a file may have (blank ones not counted); more refuse the file: split it. */
    int MAX_ROWS = 100_000;

    ImportFormat format();

    /** The rows the file holds, counted before the job reads them, for its progress. */
    int count(Path file) throws IOException;

    ImportRows open(Path file) throws IOException;
}
