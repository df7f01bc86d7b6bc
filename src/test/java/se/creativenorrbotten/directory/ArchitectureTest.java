package se.creativenorrbotten.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way (README, Development: the package map): every reference from one top-level package of
 * ours to another must be an allowed edge. References are read from the source text, so imports, static imports and
 * fully-qualified names written inline (in code, in JPQL strings, in {@code {@link}}) all count.
 */
class ArchitectureTest {

    private static final String BASE = "se.creativenorrbotten.directory";
    private static final Path SOURCES = Path.of("src/main/java", BASE.split("\\."));

    /** The root package's {@code DirectoryConfig}; every package may read it. */
    private static final String ROOT = "DirectoryConfig";

    private static final Set<String> FEATURES = Set.of("common", "security", "taxonomy", "member", "search", "curation",
            "partner", "embed", "transfer", "backup", "demo");

    /** Which packages each package may depend on, besides itself and {@link #ROOT}. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry(ROOT, Set.of()),
            Map.entry("common", Set.of()),
            Map.entry("security", Set.of("common")),
            Map.entry("taxonomy", Set.of("security", "common")),
            Map.entry("member", Set.of("taxonomy", "security", "common")),
            Map.entry("search", Set.of("member", "taxonomy", "security", "common")),
            Map.entry("curation", Set.of("member", "taxonomy", "security", "common")),
            Map.entry("partner", Set.of("member", "taxonomy", "security", "common")),
            Map.entry("embed", Set.of("search", "member", "taxonomy", "security", "common")),
            Map.entry("transfer", Set.of("member", "taxonomy", "security", "common")),
            Map.entry("backup", Set.of("common")),
            Map.entry("demo", FEATURES));

    /** Everything documented: the contract's customisation may reach any package. */
    private static final String TOP = "openapi";

    /**
     * Known backward edges still to remove, as "file relative to the base package -> target package". Each one is
     * debt: remove it from here when it is gone (the test fails if an entry no longer occurs).
     */
    private static final Set<String> KNOWN_EXCEPTIONS = Set.of();

    private static final Pattern REFERENCE = Pattern.compile("\\b" + Pattern.quote(BASE) + "\\.([A-Za-z_$][\\w$]*)");

    @Test
    void dependenciesPointOneWay() throws IOException {
        List<String> offences = new ArrayList<>();
        Set<String> unusedExceptions = new TreeSet<>(KNOWN_EXCEPTIONS);
        for (Path file : sources()) {
            String relative = SOURCES.relativize(file).toString().replace('\\', '/');
            String from = packageOf(relative);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("package ")) {
                    continue;
                }
                Matcher reference = REFERENCE.matcher(line);
                while (reference.find()) {
                    String to = reference.group(1);
                    if (allowed(from, to)) {
                        continue;
                    }
                    String edge = relative + " -> " + to;
                    if (KNOWN_EXCEPTIONS.contains(edge)) {
                        unusedExceptions.remove(edge);
                        continue;
                    }
                    offences.add(relative + ":" + (i + 1) + " (" + from + " -> " + to + "): " + line.strip());
                }
            }
        }
        assertTrue(offences.isEmpty(), () -> "references against the direction of the package map (README):\n  "
                + String.join("\n  ", offences));
        assertEquals(Set.of(), unusedExceptions, "known exceptions that no longer occur; remove them from the list");
    }

    @Test
    void everyPackageIsOnTheMap() throws IOException {
        Set<String> unmapped = new TreeSet<>();
        for (Path file : sources()) {
            String from = packageOf(SOURCES.relativize(file).toString().replace('\\', '/'));
            if (!from.equals(TOP) && !ALLOWED.containsKey(from)) {
                unmapped.add(from);
            }
        }
        assertTrue(unmapped.isEmpty(), "packages missing from ArchitectureTest.ALLOWED and the README map: " + unmapped);
    }

    /**
     * The service never fetches a URL (OWASP API7, server-side request forgery): members' web addresses are checked
     * and stored, never requested, and imports are uploaded bodies. Any HTTP or socket client in the main code
     * fails here, so that one can only come in with a decision about where it may connect.
     */
    @Test
    void theServiceMakesNoOutgoingRequests() throws IOException {
        Pattern client = Pattern.compile("java\\.net\\.http|URLConnection|\\.openStream\\(|\\.openConnection\\("
                + "|java\\.net\\.(Socket|URL)\\b|new URL\\(|\\.toURL\\(|microprofile\\.rest\\.client|jakarta\\.ws\\.rs\\.client"
                + "|vertx\\.(mutiny\\.)?ext\\.web\\.client|vertx\\.(mutiny\\.)?core\\.http\\.HttpClient|vertx\\.(mutiny\\.)?core\\.net\\.NetClient");
        List<String> offences = new ArrayList<>();
        for (Path file : sources()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (client.matcher(lines.get(i)).find()) {
                    offences.add(SOURCES.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), offences, "an outgoing HTTP or socket client in the main code");
    }

    private static boolean allowed(String from, String to) {
        return from.equals(to) || to.equals(ROOT) || from.equals(TOP)
                || ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    /** The top-level package of a file, or {@link #ROOT} for a file in the base package itself. */
    private static String packageOf(String relative) {
        int slash = relative.indexOf('/');
        return slash < 0 ? ROOT : relative.substring(0, slash);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }
}
