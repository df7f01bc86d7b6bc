package se.creativenorrbotten.directory.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder of the backups: how a backup file is named, and which ones go when there are more than the folder keeps.
 * <p>
 * A backup is {@code directory-<UTC time>.zip}, the time in ISO 8601's basic form to the millisecond
 * ({@code directory-20261202T101500.123Z.zip}), so that the names sort as the times do. A backup is written as
 * {@code <name>.part} and renamed once complete: a name without {@code .part} is always a whole backup. Files of any
 * other name are not the folder's and are never touched.
 */
final class BackupFolder {

    static final String PREFIX = "directory-";
    static final String SUFFIX = ".zip";
    static final String PART = ".part";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern BACKUP = Pattern.compile(Pattern.quote(PREFIX) + "\\d{8}T\\d{6}\\.\\d{3}Z" + Pattern.quote(SUFFIX));

    private final Path folder;

    BackupFolder(Path folder) {
        this.folder = folder;
    }

    Path path() {
        return folder;
    }

    /** The name of a backup taken at this time. */
    static String name(Instant at) {
        return PREFIX + STAMP.format(at) + SUFFIX;
    }

    /** Whether a file of this name is one of the folder's backups (a complete one). */
    static boolean isBackup(String fileName) {
        return BACKUP.matcher(fileName).matches();
    }

    /** Whether a file of this name is a backup that was being written (and, when no backup runs, never will be). */
    static boolean isPart(String fileName) {
        return fileName.endsWith(PART) && isBackup(fileName.substring(0, fileName.length() - PART.length()));
    }

    /**
     * Makes the folder when it is missing, readable by the service's user only where the file system has POSIX
     * permissions (the backups hold personal data).
     */
    void create() throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException noPosix) {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException made) {
            if (!Files.isDirectory(folder)) {
                throw made;
            }
        }
    }

    /**
     * The name for a backup taken at this time: a millisecond later when a backup of that name (or one being written)
     * exists already, so that a name is never reused.
     */
    String freeName(Instant at) {
        Instant candidate = at;
        while (Files.exists(folder.resolve(name(candidate))) || Files.exists(folder.resolve(name(candidate) + PART))) {
            candidate = candidate.plusMillis(1);
        }
        return name(candidate);
    }

    /** The complete backups, oldest first. */
    List<String> backups() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(BackupFolder::isBackup)
                    .sorted(Comparator.naturalOrder()).toList();
        }
    }

    /** Which of these backups (oldest first) go so that the newest {@code keep} stay. */
    static List<String> beyond(List<String> oldestFirst, int keep) {
        int surplus = oldestFirst.size() - Math.max(1, keep);
        return surplus <= 0 ? List.of() : List.copyOf(oldestFirst.subList(0, surplus));
    }

    /** Deletes the oldest backups beyond the newest {@code keep}; answers the names deleted, oldest first. */
    List<String> rotate(int keep) throws IOException {
        List<String> removed = new ArrayList<>();
        for (String name : beyond(backups(), keep)) {
            if (Files.deleteIfExists(folder.resolve(name))) {
                removed.add(name);
            }
        }
        return removed;
    }

    /** Deletes backups left half-written (by a process that died while writing one); call only when none is running. */
    void removeLeftovers() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(file -> isPart(file.getFileName().toString())).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * Makes a written backup whole under its name: its bytes forced to the disk, readable by the service's user
     * only, renamed from its {@code .part} name in one step, and the rename forced to the disk too.
     */
    Path complete(Path part, String name) throws IOException {
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException noPosix) {
            // Not a POSIX file system: the folder's own permissions apply.
        }
        Path target = folder.resolve(name);
        Files.move(part, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        forceFolder();
        return target;
    }

    /** Forces the folder's entries (a rename, a new file) to the disk; not every file system can. */
    private void forceFolder() {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException cannot) {
            // Some file systems (and Windows) do not open folders as channels; the rename is still done.
        }
    }
}
