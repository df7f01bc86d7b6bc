package se.creativenorrbotten.directory.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup folder's rules over real files: names that sort as their times, rotation, leftovers, foreign files. */
class BackupFolderTest {

    @TempDir
    Path dir;

    @Test
    void namesAreTheUtcTimeToTheMillisecondAndSortAsTheTimesDo() {
        assertEquals("directory-20261202T101500.123Z.zip", BackupFolder.name(Instant.parse("2026-12-02T10:15:00.123Z")));
        List<Instant> times = List.of(Instant.parse("2026-12-02T09:59:59.999Z"), Instant.parse("2026-12-02T10:00:00Z"),
                Instant.parse("2026-12-02T10:00:00.001Z"), Instant.parse("2027-01-01T00:00:00Z"));
        List<String> names = times.stream().map(BackupFolder::name).toList();
        assertEquals(names, names.stream().sorted().toList());
        assertTrue(names.stream().allMatch(BackupFolder::isBackup));
    }

    @Test
    void onlyCompleteBackupsOfTheFolderCountAsBackups() {
        assertTrue(BackupFolder.isBackup("directory-20261202T101500.123Z.zip"));
        for (String other : List.of("directory-20261202T101500.123Z.zip.part", "directory-20261202T101500Z.zip",
                "directory-latest.zip", "directory.mv.db", "notes-20261202T101500.123Z.zip", "directory-20261202T101500.123Z.zip~",
                "")) {
            assertFalse(BackupFolder.isBackup(other), other);
        }
        assertTrue(BackupFolder.isPart("directory-20261202T101500.123Z.zip.part"));
        assertFalse(BackupFolder.isPart("something.zip.part"));
    }

    @Test
    void beyondNamesTheOldestOverTheNumberKept() {
        List<String> five = List.of("a1", "a2", "a3", "a4", "a5");
        assertEquals(List.of(), BackupFolder.beyond(List.of(), 3));
        assertEquals(List.of(), BackupFolder.beyond(List.of("a1"), 1));
        assertEquals(List.of(), BackupFolder.beyond(five.subList(0, 3), 3));
        assertEquals(List.of("a1"), BackupFolder.beyond(five.subList(0, 4), 3));
        assertEquals(List.of("a1", "a2", "a3", "a4"), BackupFolder.beyond(five, 1));
        // Fewer than one is never kept: the backup just taken stays.
        assertEquals(List.of("a1", "a2", "a3", "a4"), BackupFolder.beyond(five, 0));
    }

    @Test
    void rotationKeepsTheNewestAndLeavesOtherFilesAlone() throws IOException {
        BackupFolder folder = new BackupFolder(dir.resolve("backups"));
        folder.create();
        List<String> written = new ArrayList<>();
        Instant at = Instant.parse("2026-12-02T10:00:00Z");
        for (int i = 0; i < 5; i++) {
            written.add(touch(folder, BackupFolder.name(at.plusSeconds(3600L * i))));
        }
        touch(folder, "notes.txt");
        touch(folder, "directory-20200101T000000.000Z.zip.keep-me");

        assertEquals(written.subList(0, 2), folder.rotate(3));

        assertEquals(written.subList(2, 5), folder.backups());
        assertEquals(Set.of(written.get(2), written.get(3), written.get(4), "notes.txt",
                "directory-20200101T000000.000Z.zip.keep-me"), files(folder));
        assertEquals(List.of(), folder.rotate(3), "nothing more to delete");
    }

    @Test
    void aNameIsNeverReusedWithinOneMillisecond() throws IOException {
        BackupFolder folder = new BackupFolder(dir);
        Instant at = Instant.parse("2026-12-02T10:00:00.500Z");
        touch(folder, BackupFolder.name(at));
        touch(folder, BackupFolder.name(at.plusMillis(1)) + BackupFolder.PART);
        assertEquals(BackupFolder.name(at.plusMillis(2)), folder.freeName(at));
    }

    @Test
    void leftoversOfABackupThatNeverFinishedAreDeletedButNothingElse() throws IOException {
        BackupFolder folder = new BackupFolder(dir);
        String part = touch(folder, BackupFolder.name(Instant.parse("2026-12-02T10:00:00Z")) + BackupFolder.PART);
        String whole = touch(folder, BackupFolder.name(Instant.parse("2026-12-02T11:00:00Z")));
        touch(folder, "mine.part");
        folder.removeLeftovers();
        assertFalse(files(folder).contains(part));
        assertEquals(Set.of(whole, "mine.part"), files(folder));
    }

    @Test
    void theFolderIsMadeForTheServiceUserOnly() throws IOException {
        BackupFolder folder = new BackupFolder(dir.resolve("a").resolve("backups"));
        folder.create();
        folder.create(); // a second time changes nothing
        assertTrue(Files.isDirectory(folder.path()));
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(folder.path())));
        }
    }

    private static String touch(BackupFolder folder, String name) throws IOException {
        Files.writeString(folder.path().resolve(name), name);
        return name;
    }

    private static Set<String> files(BackupFolder folder) throws IOException {
        try (Stream<Path> files = Files.list(folder.path())) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
