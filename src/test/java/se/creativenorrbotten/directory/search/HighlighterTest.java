package se.creativenorrbotten.directory.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.MemberType;

/**
 * Highlighting follows the index's rules: a shown text is split into the index's own words, and a word
 * is marked exactly when the index would find a member for it.
 */
class HighlighterTest {

    /** Shown texts: Swedish letters, case, hyphens, apostrophes, numbers, HTML's own characters. */
    private static final List<String> TEXTS = List.of(
            "Fotograf i Luleå",
            "LULEÅ kommun, Norrbotten",
            "Ödmark Ljudstudio",
            "Café Éclair & <Bageri>",
            "e-post och E-POST till oss",
            "C++ och C# på kvällstid",
            "pi är 3.14 eller 3,14 ungefär",
            "Anna's bilder och Annas skisser",
            "don't stop – rock'n'roll",
            "Övertorneå och Årjeplog",
            "Straßenbahn i Malmö",
            "Illustration, illustratör, illustrator",
            "Kiruna 2024: foto_video",
            "smörgåsbord \"med\" ost",
            "Pajala, Överkalix, Haparanda",
            "Bild Bildt bilder",
            "Arvidsjaur och Arjeplog");

    /**
     * The queries no text has a word for: "3" and "14" are not words of "3.14"; "l" is too short to be a
     * prefix; "epost" is not "e-post", nor "dont" "don't"; "fotografen" is two letters from "fotograf"; a
     * typo in the first letter (iruna, xrjeplog) or in a word of four letters or less (bidl, bilt, ots) is
     * not looked for.
     */
    private static final Set<String> FOUND_NOWHERE = Set.of("3", "14", "l", "epost", "dont", "fotografen", "iruna", "xrjeplog",
            "bidl", "bilt", "ots");

    private static final Taxonomy NO_TAXONOMY = new Taxonomy(Map.of(), Map.of(), List.of());

    private static ByteBuffersDirectory directory;
    private static DirectoryReader reader;
    /** Document d holds the one word {@code DOCUMENTS.get(d)}: {text, word} indexes into TEXTS and its words. */
    private static final List<int[]> DOCUMENTS = new ArrayList<>();

    /** One member per word of every text, built as the service builds them, the word in name, headline or description. */
    @BeforeAll
    static void index() throws IOException {
        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(Analysis.INDEX_ANALYZER))) {
            for (int t = 0; t < TEXTS.size(); t++) {
                String text = TEXTS.get(t);
                List<TextWord> words = textWords(text);
                for (int w = 0; w < words.size(); w++) {
                    TextWord token = words.get(w);
                    String word = text.substring(token.start(), token.end());
                    List<TextWord> alone = textWords(word);
                    assertEquals(1, alone.size(), word + " is one word on its own too");
                    assertEquals(token.exact(), alone.get(0).exact());
                    assertEquals(token.folded(), alone.get(0).folded());
                    int field = DOCUMENTS.size() % 3;
                    writer.addDocument(Fields.document(member(field == 0 ? word : "-", field == 1 ? word : null,
                            field == 2 ? word : null), NO_TAXONOMY));
                    DOCUMENTS.add(new int[] {t, w});
                }
            }
            writer.forceMerge(1);
        }
        reader = DirectoryReader.open(directory);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    /** A word of a text as the analysis gives it, kept. */
    private record TextWord(int start, int end, BytesRef exact, BytesRef folded) {
    }

    private static List<TextWord> textWords(String text) {
        List<TextWord> words = new ArrayList<>();
        Analysis.words(text, (start, end, exact, folded) -> words.add(new TextWord(start, end, BytesRef.deepCopyOf(exact),
                BytesRef.deepCopyOf(folded))));
        return words;
    }

    private static MemberDocument member(String name, String headline, String description) {
        return MemberDocument.builder().id(UUID.randomUUID()).slug("m").name(name).type(MemberType.FREELANCER).headline(headline)
                .description(description).municipality("").serviceArea(List.of()).skills(List.of()).languages(List.of())
                .seeks(List.of()).offers(List.of()).availableForWork(true).createdAt(Instant.EPOCH).updatedAt(Instant.EPOCH)
                .status(MemberStatus.PUBLISHED).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"foto", "fotograf", "fotgraf", "fotogarf", "fotografen", "Fotografx", "lulea", "luleå", "LULEÅ",
        "lule", "lul", "lu", "l", "ödm", "odm", "ödmark", "odmrak", "cafe", "café", "CAFÉ", "eclair", "éclair", "e-post",
        "post", "e", "epost", "c++", "c#", "c", "3.14", "3,14", "3", "14", "3.1", "anna's", "annas", "anna", "don't", "dont",
        "rock'n'roll", "rock", "strasse", "straße", "stras", "straß", "strassenbahn", "illustration", "ilustration",
        "illustratör", "illustrator", "illustratr", "kirna", "kiru", "iruna", "2024", "202", "foto_video", "smorgas", "smörgås",
        "smörgåsbrod", "årjeplog", "arjeplog", "xrjeplog", "arjeplgo", "bild", "bidl", "bilt", "bilder", "överkalix",
        "overkalx", "ost", "ots", "med", "malmo", "malmö", "oss till", "Luleå kommun", "<bageri>", "och", "ä", "ar",
        "är", "õvertorneå"})
    void marksExactlyTheWordsTheIndexMatches(String query) throws IOException {
        List<WordMatch.Word> words = WordMatch.words(Analysis.tokens(query), WordMatch.ALL_FIELDS);
        assertFalse(words.isEmpty());
        LeafReader leaf = reader.leaves().get(0).reader();
        List<FixedBitSet> hits = new ArrayList<>();
        for (WordMatch.Word word : words) {
            hits.add(WordMatch.compute(leaf, word, new byte[leaf.maxDoc()], new FixedBitSet(leaf.maxDoc())).matches);
        }
        int found = 0;
        for (int t = 0; t < TEXTS.size(); t++) {
            String text = TEXTS.get(t);
            Set<Integer> expected = new TreeSet<>();
            Set<Integer> wordsFound = new TreeSet<>();
            for (int d = 0; d < DOCUMENTS.size(); d++) {
                if (DOCUMENTS.get(d)[0] != t) {
                    continue;
                }
                for (int q = 0; q < words.size(); q++) {
                    if (hits.get(q).get(d)) {
                        expected.add(DOCUMENTS.get(d)[1]);
                        wordsFound.add(q);
                    }
                }
            }
            Highlighter.Highlight highlight = Highlighter.highlight(words, List.of(text));
            assertEquals(expected, markedWords(text, highlight.html()),
                    () -> "'" + query + "' in '" + text + "' marked as " + highlight.html());
            assertEquals(wordsFound.size(), highlight.matched(), text);
            assertEquals(wordsFound.size() == words.size(), highlight.complete(), text);
            found += expected.size();
        }
        assertEquals(!FOUND_NOWHERE.contains(query), found > 0, "the index finds '" + query + "' somewhere");
    }

    /** Which of the text's words the HTML marks (by their place); every mark begins a word and stays inside it. */
    private static Set<Integer> markedWords(String text, String html) {
        Set<Integer> marked = new TreeSet<>();
        if (html == null) {
            return marked;
        }
        List<TextWord> words = textWords(text);
        StringBuilder plain = new StringBuilder();
        int open = -1;
        for (int i = 0; i < html.length();) {
            if (html.startsWith("<mark>", i)) {
                open = plain.length();
                i += "<mark>".length();
            } else if (html.startsWith("</mark>", i)) {
                int start = open;
                int end = plain.length();
                int word = -1;
                for (int w = 0; w < words.size(); w++) {
                    if (words.get(w).start() == start && end > start && end <= words.get(w).end()) {
                        word = w;
                    }
                }
                if (word < 0) {
                    fail("a mark from " + start + " to " + end + " is not the start of a word: " + html);
                }
                marked.add(word);
                i += "</mark>".length();
            } else if (html.charAt(i) == '&') {
                int semicolon = html.indexOf(';', i);
                String entity = html.substring(i, semicolon + 1);
                plain.append(switch (entity) {
                    case "&lt;" -> '<';
                    case "&gt;" -> '>';
                    case "&amp;" -> '&';
                    case "&quot;" -> '"';
                    case "&#39;" -> '\'';
                    default -> throw new AssertionError("unknown entity " + entity);
                });
                i = semicolon + 1;
            } else {
                assertFalse("<>\"'".indexOf(html.charAt(i)) >= 0, "escaped: " + html);
                plain.append(html.charAt(i++));
            }
        }
        assertEquals(text, plain.toString(), "the text itself, escaped");
        return marked;
    }

    private static Highlighter.Highlight highlight(String query, String... texts) {
        return Highlighter.highlight(WordMatch.words(Analysis.tokens(query), WordMatch.ALL_FIELDS), List.of(texts));
    }

    @Test
    void aDecimalNumberIsOneWord() {
        assertEquals("pi är <mark>3.14</mark> eller 3,14", highlight("3.14", "pi är 3.14 eller 3,14").html());
        assertEquals("pi är 3.14 eller <mark>3,14</mark>", highlight("3,14", "pi är 3.14 eller 3,14").html());
    }

    @Test
    void aWordTypedWithoutDiacriticsMarksTheWordWithThem() {
        assertEquals("Fotografi i <mark>Luleå</mark>", highlight("lulea", "Fotografi i Luleå").html());
    }

    @Test
    void aPrefixMarksThePrefix() {
        assertEquals("<mark>Foto</mark>grafi i Luleå", highlight("foto", "Fotografi i Luleå").html());
        assertEquals("<mark>Ödma</mark>rk Ljudstudio", highlight("ödma", "Ödmark Ljudstudio").html());
        assertEquals("<mark>Straß</mark>enbahn", highlight("strass", "Straßenbahn").html(), "ß folds to two letters");
    }

    @Test
    void theMarkedWordIsEscapedAndSoIsEverythingElse() {
        assertEquals("<mark>Foto</mark> &lt;b&gt;Fet&lt;/b&gt; &amp; Co", highlight("foto", "Foto <b>Fet</b> & Co").html());
        assertEquals("<mark>Anna&#39;s</mark> &quot;bild&quot;", highlight("anna's", "Anna's \"bild\"").html());
    }

    @Test
    void oneTypoInALongWordMarksTheWholeWord() {
        assertEquals("<mark>Fotograf</mark> i Luleå", highlight("fotgraf", "Fotograf i Luleå").html());
        assertEquals("<mark>Illustration</mark>", highlight("ilustration", "Illustration").html());
    }

    @Test
    void aTypoInAShortWordOrTheFirstLetterMarksNothing() {
        Highlighter.Highlight shortWord = highlight("bidl", "Bild och ljud");
        assertNull(shortWord.html());
        assertEquals(0, shortWord.matched());
        assertFalse(shortWord.complete());
        assertNull(highlight("xotograf", "Fotograf").html());
    }

    @Test
    void oneLetterMatchesOnlyItselfAsTheIndexDoes() {
        assertNull(highlight("a", "Anna").html());
        assertEquals("<mark>e</mark>-post", highlight("e", "e-post").html());
    }

    @Test
    void theTextThatMatchesMostWordsIsShownAndTellsWhetherItMatchesAll() {
        Highlighter.Highlight both = highlight("foto luleå", "Foto AB", "Fotograf i Luleå");
        assertEquals("<mark>Foto</mark>graf i <mark>Luleå</mark>", both.html());
        assertEquals(2, both.matched());
        assertTrue(both.complete());

        Highlighter.Highlight one = highlight("foto luleå", "Bild AB", "Foto AB", "Bild i Piteå");
        assertEquals("<mark>Foto</mark> AB", one.html());
        assertEquals(1, one.matched());
        assertFalse(one.complete());

        assertTrue(Highlighter.highlight(List.of(), List.of("Foto AB")).complete(), "no words: none is missing");
    }

    @Test
    void matchesAllNeedsEveryWord() {
        List<WordMatch.Word> words = WordMatch.words(Analysis.tokens("ilustration digital"), WordMatch.NAME_ONLY);
        assertFalse(Highlighter.matchesAll(words, "Illustration"));
        assertTrue(Highlighter.matchesAll(words, "Digital illustration"));
        assertFalse(Highlighter.matchesAll(words, null), "a name that is missing has no word");
        assertTrue(Highlighter.matchesAll(WordMatch.words(Analysis.tokens("foto"), WordMatch.NAME_ONLY), "Fotografi"));
    }

    /**
     * A long run without spaces before the match (emoji, a word joined by &amp;) still gives a window holding the match,
     * cut between whole characters: never inside a surrogate pair or an entity.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void aWindowInTextWithoutSpacesHoldsTheMatchAndCutsNoCharacter(int shift) {
        for (String run : List.of("🦌", "a&b", "ö🎬<")) {
            String text = "x".repeat(shift) + run.repeat(900 / run.length()) + " i Luleå " + "🦌".repeat(200);
            String html = highlight("lulea", text).html();
            assertNotNull(html);
            assertTrue(html.contains("<mark>Luleå</mark>"), html);
            String shown = html.replace("…", "").replace("<mark>", "").replace("</mark>", "").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
            assertTrue(text.contains(shown), "the window is a piece of the text, whole characters and entities: " + html);
            for (int i = 0; i < html.length(); i++) {
                char c = html.charAt(i);
                boolean paired = Character.isHighSurrogate(c) ? i + 1 < html.length() && Character.isLowSurrogate(html.charAt(i + 1))
                        : !Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(html.charAt(i - 1));
                assertTrue(paired, "no lone surrogate at " + i);
            }
            assertTrue(html.length() < 400, html);
        }
    }

    @Test
    void aLongTextIsCutToAWindowAroundTheFirstMatch() {
        String text = "ord ".repeat(100) + "i Luleå " + "mer ".repeat(100);
        String html = highlight("lulea", text).html();
        assertNotNull(html);
        assertTrue(html.startsWith("…") && html.endsWith("…"), html);
        assertTrue(html.contains("<mark>Luleå</mark>"), html);
        assertTrue(html.length() < text.length() / 2, html);
    }
}
