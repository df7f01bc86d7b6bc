package se.creativenorrbotten.directory.backup;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code /q/backup} answers about a backup: {@code running}, {@code done} (with the file's size, the time it took
 * and what became of the older ones) or {@code failed} (with what to do). Absent values are left out.
 *
 * @param state running, done or failed
 * @param file the backup's file name ({@code directory-20261202T101500.123Z.zip})
 * @param createdAt when the backup began (UTC, to the millisecond, as in the name)
 * @param path where the file is, absolute, on the service's machine (done)
 * @param bytes its size (done)
 * @param durationMs how long writing it took (done)
 * @param kept how many backups the folder holds now, this one included (done)
 * @param removed older backups deleted to keep only the newest ones, oldest first; empty when none went (done)
 * @param detail why it failed and what to check (failed)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupStatus(String state, String file, Instant createdAt, String path, Long bytes, Long durationMs,
        Integer kept, List<String> removed, String detail) {

    static BackupStatus running(String file, Instant createdAt) {
        return new BackupStatus("running", file, createdAt, null, null, null, null, null, null);
    }

    static BackupStatus done(BackupReceipt receipt) {
        return new BackupStatus("done", receipt.file(), receipt.createdAt(), receipt.path(), receipt.bytes(),
                receipt.durationMs(), receipt.kept(), receipt.removed(), null);
    }

    static BackupStatus failed(String file, Instant createdAt, String detail) {
        return new BackupStatus("failed", file, createdAt, null, null, null, null, null, detail);
    }
}
