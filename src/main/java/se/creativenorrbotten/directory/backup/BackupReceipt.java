package se.creativenorrbotten.directory.backup;

import java.time.Instant;
import java.util.List;

/**
 * A backup written: the file and what became of the older ones (answered as a {@link BackupStatus} that is done).
 *
 * @param file the backup's file name ({@code directory-20261202T101500.123Z.zip})
 * @param path where it is, absolute, on the service's machine
 * @param bytes its size
 * @param createdAt when the backup began (UTC, to the millisecond); it holds the database as it was then or a moment later
 * @param durationMs how long writing it took
 * @param kept how many backups the folder holds now, this one included
 * @param removed older backups deleted to keep only the newest ones (oldest first; empty when none went)
 */
public record BackupReceipt(String file, String path, long bytes, Instant createdAt, long durationMs, int kept,
        List<String> removed) {
}
