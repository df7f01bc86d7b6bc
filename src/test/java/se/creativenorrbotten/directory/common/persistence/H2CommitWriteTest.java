package se.creativenorrbotten.directory.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default H2 URL (application.properties) writes a commit to the database file before the commit
 * returns: a copy of the file taken right after it, as a killed process leaves it, holds the row. With H2's
 * default WRITE_DELAY (500 ms) the copies lacked the last commits, and so did the data folder after kill -9.
 */
class H2CommitWriteTest {

    @TempDir
    Path folder;

    @Test
    void everyCommitIsInTheFileWhenTheCommitReturns() throws IOException, SQLException {
        String url = configuredUrl().replace("${directory.data-dir}", folder.toString());
        try (Connection c = DriverManager.getConnection(url, "", ""); Statement s = c.createStatement()) {
            s.execute("create table acknowledged (n int primary key)");
            for (int n = 1; n <= 20; n++) {
                s.executeUpdate("insert into acknowledged values (" + n + ")"); // auto-commit
                assertEquals(n, rowsInACopyOfTheFile(n), "commits in the file after commit " + n);
            }
        }
    }

    private long rowsInACopyOfTheFile(int n) throws IOException, SQLException {
        Path copy = Files.createDirectories(folder.resolve("copy-" + n));
        Files.copy(folder.resolve("directory.mv.db"), copy.resolve("directory.mv.db"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("directory"), "", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from acknowledged")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String configuredUrl() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = H2CommitWriteTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties.getProperty("directory.jdbc-url.h2");
    }
}
