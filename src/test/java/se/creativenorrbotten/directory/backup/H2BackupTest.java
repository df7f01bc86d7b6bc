package se.creativenorrbotten.directory.backup;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.creativenorrbotten.directory.TestApi.PROBLEM_TYPES;
import static se.creativenorrbotten.directory.TestApi.anonymous;
import static se.creativenorrbotten.directory.TestApi.assertProblem;
import static se.creativenorrbotten.directory.TestApi.unique;
import static se.creativenorrbotten.directory.member.TestMembers.create;
import static se.creativenorrbotten.directory.member.TestMembers.freelancer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.Simultaneously;

/**
 * Online backups of an H2 file database (the default's kind; the other tests run on H2 in memory, which has no file to
 * back up): POST /q/backup on the management interface writes a zip that holds the database as it was at the backup
 * (200, or 202 and then GET when asked to answer at once), keeps only the newest DIRECTORY_BACKUP_KEEP (3 here),
 * refuses a second backup while one runs, and answers a folder it cannot write with a 503 problem. On PostgreSQL (the _TEST_QUARKUS_DATASOURCE_* variables) there is
 * nothing of this to test: BackupEndpointTest checks that a backup is refused there with a pointer to pg_dump.
 */
@QuarkusTest
@TestProfile(H2BackupTest.FileDatabase.class)
@DisabledIfEnvironmentVariable(named = "_TEST_QUARKUS_DATASOURCE_DB_KIND", matches = "(?i)postgresql",
        disabledReason = "H2 backups; on PostgreSQL BackupEndpointTest checks the refusal")
class H2BackupTest {

    static final int KEEP = 3;

    /** An H2 file database and data folder of their own under target/, and a backup folder that keeps 3. */
    public static class FileDatabase implements QuarkusTestProfile {
        static final Path DATA = Path.of("target", "h2-backup-test-" + UUID.randomUUID()).toAbsolutePath().resolve("data");

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:file:" + DATA.resolve("directory")
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                    "directory.data-dir", DATA.toString(),
                    "directory.backup.keep", Integer.toString(KEEP));
        }
    }

    private static final Path BACKUPS = FileDatabase.DATA.resolve("backups");

    @TestHTTPResource(value = "", management = true)
    URL management;

    @Inject
    DatabaseBackups backups;

    @TempDir
    Path scratch;

    private Response post() {
        return anonymous().post(management + "backup");
    }

    @Test
    void aBackupIsAZipOfTheDatabaseAsItWasAtTheBackup() throws Exception {
        String before = create(freelancer(unique())).id();
        Instant asked = Instant.now();

        Response response = post();
        response.then().statusCode(200)
                .contentType("application/json")
                .body("state", equalTo("done"))
                .body("file", org.hamcrest.Matchers.matchesPattern("directory-\\d{8}T\\d{6}\\.\\d{3}Z\\.zip"))
                .body("path", equalTo(BACKUPS.resolve(response.jsonPath().getString("file")).toString()))
                .body("removed", org.hamcrest.Matchers.notNullValue());
        String after = create(freelancer(unique())).id();

        Path zip = Path.of(response.jsonPath().getString("path"));
        assertEquals(Files.size(zip), response.jsonPath().getLong("bytes"));
        Instant createdAt = Instant.parse(response.jsonPath().getString("createdAt"));
        assertTrue(Duration.between(asked, createdAt).abs().toSeconds() < 60, "createdAt is the time of the backup");
        assertEquals(BackupFolder.name(createdAt), response.jsonPath().getString("file"), "named by its UTC time");
        List<String> entries = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            file.stream().map(ZipEntry::getName).forEach(entries::add);
            ZipEntry database = file.getEntry("directory.mv.db");
            try (InputStream in = file.getInputStream(database)) {
                Files.copy(in, scratch.resolve("directory.mv.db"));
            }
        }
        assertEquals(List.of("directory.mv.db"), entries, "the zip holds the database file and nothing else");
        try (Connection restored = DriverManager.getConnection("jdbc:h2:file:" + scratch.resolve("directory"), "", "")) {
            assertEquals(1, members(restored, before), "a member written before the backup is in it");
            assertEquals(0, members(restored, after), "a member written after the backup is not");
        }
    }

    @Test
    void preferRespondAsyncAnswers202AndGetShowsTheBackupUntilItIsDone() throws InterruptedException, IOException {
        Response accepted = anonymous().header("Prefer", "respond-async").post(management + "backup");
        accepted.then().statusCode(202)
                .contentType("application/json")
                .header("Location", "/q/backup")
                .header("Retry-After", "5")
                .header("Preference-Applied", "respond-async")
                .body("state", org.hamcrest.Matchers.oneOf("running", "done"))
                .body("bytes", org.hamcrest.Matchers.nullValue());
        String file = accepted.jsonPath().getString("file");
        Response latest = anonymous().get(management + "backup");
        for (int i = 0; i < 300 && latest.jsonPath().getString("state").equals("running"); i++) {
            Thread.sleep(100);
            latest = anonymous().get(management + "backup");
        }
        latest.then().statusCode(200)
                .body("state", equalTo("done"))
                .body("file", equalTo(file))
                .body("createdAt", equalTo(accepted.jsonPath().getString("createdAt")));
        assertEquals(Files.size(BACKUPS.resolve(file)), latest.jsonPath().getLong("bytes"));
        anonymous().head(management + "backup").then().statusCode(200);
    }

    @Test
    void onlyTheNewestBackupsAreKept() throws IOException {
        List<String> taken = new ArrayList<>();
        Set<String> removed = new HashSet<>();
        Response last = null;
        for (int i = 0; i < KEEP + 2; i++) {
            last = post();
            last.then().statusCode(200);
            taken.add(last.jsonPath().getString("file"));
            removed.addAll(last.jsonPath().getList("removed", String.class));
        }
        assertEquals(KEEP + 2, new HashSet<>(taken).size(), "every backup has a name of its own");
        assertEquals(taken.subList(2, KEEP + 2), backupsInTheFolder(), "the newest " + KEEP + " are kept");
        assertTrue(removed.containsAll(taken.subList(0, 2)), "the answers named the backups deleted: " + removed);
        assertEquals(KEEP, last.jsonPath().getInt("kept"));
    }

    @Test
    void aSecondBackupWhileOneRunsIsRefused() throws IOException {
        post().then().statusCode(200);
        List<String> before = backupsInTheFolder();
        try (DatabaseBackups.Running running = backups.begin().orElseThrow()) {
            assertProblem(post(), 409)
                    .body("type", equalTo(PROBLEM_TYPES + "conflict"))
                    .body("detail", containsString("already running"));
            assertProblem(anonymous().header("Prefer", "respond-async").post(management + "backup"), 409);
            assertEquals(before, backupsInTheFolder(), "the refused backup wrote nothing");
            assertTrue(backups.begin().isEmpty(), "still running");
        }
        post().then().statusCode(200);
    }

    @Test
    void backupsAskedForAtOnceAreEachTakenOrRefused() throws Exception {
        int callers = 4;
        List<Callable<Response>> posts = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            posts.add(this::post);
        }
        List<String> files = new ArrayList<>();
        int refused = 0;
        for (Response response : Simultaneously.run(posts)) {
            if (response.statusCode() == 409) {
                assertProblem(response, 409).body("detail", containsString("already running"));
                refused++;
            } else {
                response.then().statusCode(200);
                files.add(response.jsonPath().getString("file"));
            }
        }
        assertFalse(files.isEmpty(), "at least one backup was taken");
        assertEquals(callers, files.size() + refused);
        assertEquals(files.size(), new HashSet<>(files).size(), "no name twice");
        assertEquals(List.of(), leftovers(), "no half-written backup stays behind");
    }

    @Test
    void aFolderThatCannotBeWrittenIsA503ThatQuotesTheReference() throws IOException {
        post().then().statusCode(200); // the folder exists
        Path moved = BACKUPS.resolveSibling("backups-moved-" + unique());
        Files.move(BACKUPS, moved);
        Files.writeString(BACKUPS, "a file where the folder should be");
        try {
            assertProblem(anonymous().header("X-Request-Id", "backup-failure-1").post(management + "backup"), 503)
                    .body("type", equalTo(PROBLEM_TYPES + "unavailable"))
                    .body("detail", containsString("backup-failure-1"))
                    .body("detail", containsString("DIRECTORY_BACKUP_DIR"));
        } finally {
            Files.delete(BACKUPS);
            Files.move(moved, BACKUPS);
        }
        post().then().statusCode(200);
    }

    private static long members(Connection connection, String id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select count(*) from member where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> backupsInTheFolder() throws IOException {
        try (Stream<Path> files = Files.list(BACKUPS)) {
            List<String> names = new ArrayList<>(files.map(f -> f.getFileName().toString()).filter(BackupFolder::isBackup).toList());
            Collections.sort(names);
            return names;
        }
    }

    private static List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(BACKUPS)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(BackupFolder.PART)).toList();
        }
    }
}
