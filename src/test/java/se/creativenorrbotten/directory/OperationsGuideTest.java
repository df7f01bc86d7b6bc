package se.creativenorrbotten.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The operations guide's settings table keeps up with the code: every environment variable that {@code DirectoryConfig}
 * names (each setting's Javadoc ends with it, e.g. "(DIRECTORY_LOGIN_BLOCK)") is in docs/operations.md's table, and the
 * table names no DIRECTORY_ variable the code does not read.
 */
class OperationsGuideTest {

    private static final Pattern VARIABLE = Pattern.compile("DIRECTORY_[A-Z0-9_]*[A-Z0-9]");

    private static Set<String> variables(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    @Test
    void theSettingsTableListsEverySettingOfTheCodeAndNoOther() throws IOException {
        Set<String> code = variables(Files.readString(
                Path.of("src/main/java/se/creativenorrbotten/directory/DirectoryConfig.java")));
        String guide = Files.readString(Path.of("docs/operations.md"));
        String table = guide.substring(guide.indexOf("## Settings"), guide.indexOf("\n## ", guide.indexOf("## Settings")));
        assertFalse(code.isEmpty(), "DirectoryConfig names its variables");
        Set<String> missing = new TreeSet<>(code);
        missing.removeAll(variables(table));
        assertEquals(Set.of(), missing, "settings of DirectoryConfig missing from docs/operations.md's table");
        Set<String> unknown = new TreeSet<>(variables(table));
        unknown.removeAll(code);
        assertEquals(Set.of(), unknown, "variables in docs/operations.md's table that DirectoryConfig does not read");
    }
}
