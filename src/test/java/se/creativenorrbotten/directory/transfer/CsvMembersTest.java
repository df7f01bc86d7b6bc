package se.creativenorrbotten.directory.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.creativenorrbotten.directory.common.problem.FieldError;
import se.creativenorrbotten.directory.member.MemberType;
import se.creativenorrbotten.directory.member.Opportunity;
import se.creativenorrbotten.directory.member.SocialNetwork;
import se.creativenorrbotten.directory.member.dto.MemberInput;
import se.creativenorrbotten.directory.member.dto.SocialLinkDto;

class CsvMembersTest {

    private static final Vocabulary VOCABULARY = Vocabulary.builder()
            .skill("ux-design", "UX-design", "UX design")
            .skill("web-development", "Webbutveckling", "Web development")
            .municipality("2580", "Luleå")
            .municipality("2581", "Piteå")
            .build();

    private record Read(List<CsvRow> rows, List<FieldError> fileProblems) {
    }

    private static Read read(byte[] bytes, int maxRows) {
        try (CsvMembers.Reading reading = new CsvMembers(VOCABULARY, maxRows).read(new ByteArrayInputStream(bytes))) {
            List<CsvRow> rows = new ArrayList<>();
            reading.forEachRemaining(rows::add);
            return new Read(rows, reading.fileProblems());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Read read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8), CsvMembers.DEFAULT_MAX_ROWS);
    }

    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        return bytes;
    }

    @Test
    void excelSemicolonCsvWithBomSwedishCharactersAndQuotedLineBreak() {
        String csv = "name;type;municipality;skills;description;languages;seeks\r\n"
                + "Åsa Öberg Design;agency;2580;ux-design|web-development;\"Rad ett;\r\nrad två med \"\"citat\"\"\";sv|EN;praktik/lia\r\n"
                + "Märta Ärlig;student;Piteå;Webbutveckling;;;\r\n";
        Read read = read(withBom(csv), 10);

        assertEquals(List.of(), read.fileProblems());
        assertEquals(2, read.rows().size());
        CsvRow first = read.rows().get(0);
        assertEquals(2, first.row());
        assertTrue(first.ok(), first.problems()::toString);
        MemberInput asa = first.member();
        assertEquals("Åsa Öberg Design", asa.name());
        assertEquals(MemberType.AGENCY, asa.type());
        assertEquals(List.of("ux-design", "web-development"), asa.skills());
        assertEquals("Rad ett;\r\nrad två med \"citat\"", asa.description());
        assertEquals(List.of("sv", "en"), asa.languages());
        assertEquals(List.of(Opportunity.INTERNSHIP), asa.seeks());

        CsvRow second = read.rows().get(1);
        assertEquals(3, second.row(), "a quoted line break does not add a row, as in Excel");
        assertEquals("2581", second.member().municipality(), "a municipality by its Swedish name");
        assertEquals(List.of("web-development"), second.member().skills(), "a skill by its Swedish name");
        assertNull(second.member().seeks(), "an empty cell is an absent property");
    }

    @Test
    void commaCsvWithoutBom() {
        Read read = read("name,type,municipality,skills,serviceArea\n"
                + "Norrsken Pixel,freelancer,2580,\"ux-design|web-development\",2580|lulea\n");
        assertEquals(List.of(), read.fileProblems());
        MemberInput member = read.rows().get(0).member();
        assertEquals(List.of("ux-design", "web-development"), member.skills());
        assertEquals(List.of("2580", "2580"), member.serviceArea(), "names fold diacritics; duplicates are for validation");
    }

    @Test
    void swedishHeadersInAnotherOrderAnyCase() {
        Read read = read("Kompetenser; KOMMUN ;Typ;Namn;Sociala länkar;Kontakt publik;Examensår;Tillgänglig\n"
                + "ux-design;2580;student;Anna Student;instagram https://www.instagram.com/anna|linkedin https://linkedin.com/in/a;ja;2027;nej\n");
        assertEquals(List.of(), read.fileProblems());
        MemberInput member = read.rows().get(0).member();
        assertEquals("Anna Student", member.name());
        assertEquals(MemberType.STUDENT, member.type());
        assertEquals(List.of(new SocialLinkDto(SocialNetwork.INSTAGRAM, "https://www.instagram.com/anna"),
                new SocialLinkDto(SocialNetwork.LINKEDIN, "https://linkedin.com/in/a")), member.socialLinks());
        assertEquals(Boolean.TRUE, member.contactPublic());
        assertEquals(2027, member.graduationYear());
        assertEquals(Boolean.FALSE, member.availableForWork());
    }

    @Test
    void windows1252IsRefusedBeforeAnyRow() {
        Read read = read("name;type;municipality;skills\nÅsa Öberg;agency;Luleå;ux-design\n"
                .getBytes(Charset.forName("windows-1252")), 10);
        assertEquals(List.of(), read.rows());
        assertEquals(1, read.fileProblems().size());
        FieldError problem = read.fileProblems().get(0);
        assertEquals("file", problem.field());
        assertTrue(problem.detail().contains("not UTF-8") && problem.detail().contains("0xC5")
                && problem.detail().contains("Windows-1252"), problem.detail());
    }

    @Test
    void windows1252AfterTheCheckedPrefixEndsTheRowsWithAFileProblem() {
        StringBuilder csv = new StringBuilder("name;type;municipality;skills\n");
        while (csv.length() < 70_000) {
            csv.append("Anna;student;2580;ux-design\n");
        }
        byte[] start = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[start.length + 28];
        System.arraycopy(start, 0, bytes, 0, start.length);
        System.arraycopy("Åsa;agency;2580;ux-design\n".getBytes(Charset.forName("windows-1252")), 0, bytes, start.length, 26);
        Read read = read(bytes, CsvMembers.DEFAULT_MAX_ROWS);
        assertEquals("file", read.fileProblems().get(0).field());
        assertTrue(read.fileProblems().get(0).detail().contains("not UTF-8"));
    }

    @Test
    void unknownDuplicateAndMissingHeadersAreFileProblems() {
        Read read = read("namn;typ;kommun;Kontaktperson;name\nA;agency;2580;Bo;A\n");
        assertEquals(List.of(), read.rows());
        assertEquals(List.of("header", "header", "header"), read.fileProblems().stream().map(FieldError::field).toList());
        String details = read.fileProblems().toString();
        assertTrue(details.contains("unknown column 'Kontaktperson'"), details);
        assertTrue(details.contains("column 'name' appears twice"), details);
        assertTrue(details.contains("column 'skills' ('kompetenser') is missing"), details);
    }

    @Test
    void emptyFileAndHeaderOnly() {
        assertEquals("file", read("").fileProblems().get(0).field());
        Read headerOnly = read("name;type;municipality;skills\r\n");
        assertEquals(List.of(), headerOnly.fileProblems());
        assertEquals(List.of(), headerOnly.rows());
    }

    @Test
    void badCellsAreProblemsOfTheirRowNamingTheField() {
        Read read = read("name;type;municipality;skills;foundedYear;seeks;contactPublic;socialLinks\n"
                + "Good;agency;2580;ux-design;;;;\n"
                + ";;;;\n"
                + "Bad;robot;2580;ux-design;nineteen;assignments|sleep;perhaps;myspace https://x.example\n");
        assertEquals(List.of(), read.fileProblems());
        assertEquals(2, read.rows().size(), "a blank row is skipped");
        CsvRow bad = read.rows().get(1);
        assertEquals(4, bad.row(), "a skipped row still counts, as in Excel");
        assertNull(bad.member());
        assertEquals(List.of("type", "foundedYear", "seeks[1]", "contactPublic", "socialLinks[0]"),
                bad.problems().stream().map(FieldError::field).toList());
        assertEquals(List.of("Bad", "robot", "2580", "ux-design", "nineteen", "assignments|sleep", "perhaps",
                "myspace https://x.example"), bad.cells(), "the row as written, for the file of failed rows");
    }

    @Test
    void cellsOverTheLimitAndRowsOverTheLimitAreReported() {
        String big = "x".repeat(MemberColumn.MAX_CELL + 1);
        Read read = read(("name;type;municipality;skills;description\n"
                + "A;agency;2580;ux-design;" + big + "\n"
                + "B;agency;2580;ux-design;\n"
                + "C;agency;2580;ux-design;\n").getBytes(StandardCharsets.UTF_8), 2);
        assertEquals(2, read.rows().size());
        assertEquals("description", read.rows().get(0).problems().get(0).field());
        assertTrue(read.rows().get(1).ok());
        assertEquals("file", read.fileProblems().get(0).field());
        assertTrue(read.fileProblems().get(0).detail().contains("more than 2 rows"));
    }

    @Test
    void moreCellsThanColumnsIsAProblem() {
        Read read = read("name;type;municipality;skills\nA;agency;2580;ux-design;surplus\n");
        assertEquals("column 5", read.rows().get(0).problems().get(0).field());
    }

    @Test
    void theErrorsColumnOfTheFailedRowsFileIsIgnored() {
        Read read = read("name;type;municipality;skills;errors;slug\nA;agency;2580;ux-design;name: too short;a-1\n");
        assertEquals(List.of(), read.fileProblems());
        assertTrue(read.rows().get(0).ok());
        assertEquals("a-1", read.rows().get(0).slug());
    }

    @Test
    void formulaGuardIsTakenOff() {
        assertEquals("+46 70-174 06 42", CsvMembers.unguarded(CsvMembers.guarded("+46 70-174 06 42")));
        assertEquals("'+46", CsvMembers.guarded("+46"));
        assertEquals("'=1", CsvMembers.unguarded(CsvMembers.guarded("'=1")));
        assertEquals("'quoted", CsvMembers.guarded("'quoted"));
        assertEquals("'quoted", CsvMembers.unguarded("'quoted"));
    }
}
