package se.creativenorrbotten.directory.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.lang.reflect.RecordComponent;

import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.MemberType;
import se.creativenorrbotten.directory.member.Opportunity;
import se.creativenorrbotten.directory.member.SocialNetwork;
import se.creativenorrbotten.directory.member.dto.MemberInput;
import se.creativenorrbotten.directory.member.dto.MemberView;
import se.creativenorrbotten.directory.member.dto.SocialLinkDto;

class MemberColumnTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void everyWritablePropertyIsAColumnAndNoOtherIs() {
        Set<String> input = Arrays.stream(MemberInput.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        Set<String> writable = MemberColumn.writableColumns().stream().map(MemberColumn::english).collect(Collectors.toSet());
        assertEquals(input, writable);
    }

    @Test
    void everyPropertyOfTheViewButTheConsentLogIsAColumn() {
        Set<String> view = Arrays.stream(MemberView.class.getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> !name.equals("consents")).collect(Collectors.toSet());
        Set<String> columns = Arrays.stream(MemberColumn.values()).map(MemberColumn::english).collect(Collectors.toSet());
        assertEquals(view, columns);
    }

    @Test
    void headersAreUniqueInBothLanguagesAndFoundInAnyCase() {
        Set<String> headers = new HashSet<>();
        for (MemberColumn column : MemberColumn.values()) {
            assertEquals(column, MemberColumn.byHeader(" " + column.english().toUpperCase() + " "));
            assertEquals(column, MemberColumn.byHeader(column.swedish().toUpperCase()));
            headers.add(column.english().toLowerCase());
            if (!column.swedish().equals(column.english().toLowerCase())) {
                assertTrue(headers.add(column.swedish()), column.swedish());
            }
        }
    }

    static MemberView fullView() {
        return new MemberView(UUID.fromString("3f2b8c1e-8a7d-4c1e-9b1a-2f4e5d6c7b8a"), "asa-oberg-design",
                "Åsa Öberg Design", MemberType.AGENCY, "UX; design | \"service\"", "Rad ett\r\nrad två; tre",
                "2580", List.of("2580", "2581"), List.of("ux-design", "web-development"), List.of("sv", "en", "smj"),
                List.of(Opportunity.COLLABORATION), List.of(Opportunity.ASSIGNMENTS, Opportunity.INTERNSHIP),
                "https://asaoberg.example", "https://asaoberg.example/logo.png",
                List.of("https://asaoberg.example/work/a", "https://asaoberg.example/work/b?x=1"),
                List.of(new SocialLinkDto(SocialNetwork.INSTAGRAM, "https://www.instagram.com/asa"),
                        new SocialLinkDto(SocialNetwork.OTHER, "https://example.org/asa")),
                "hej@asaoberg.example.com", "+46 70-174 06 42", true, "556036-0793", null, null, 2014, true,
                Instant.parse("2026-11-26T10:15:30.123Z"), Instant.parse("2026-11-27T08:00:00Z"), 7,
                MemberStatus.ARCHIVED, "Moved away", LocalDate.parse("2027-01-31"), "=SUM(A1) is not a formula here", List.of());
    }

    @Test
    void anExportedRowReadsBackAsTheSameInput() throws IOException {
        MemberView view = fullView();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter csv = new CsvWriter(out, List.of(MemberColumn.values()));
        csv.member(JSON.valueToTree(view));
        csv.flush();
        byte[] bytes = out.toByteArray();
        assertEquals(0xEF, bytes[0] & 0xFF, "a byte order mark, so that Excel reads UTF-8");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("id;slug;status;name;type;"), text);
        assertTrue(text.contains(";'+46 70-174 06 42;"), "the phone is guarded from Excel's formulas: " + text);

        List<CsvRow> rows = new ArrayList<>();
        try (CsvMembers.Reading reading = new CsvMembers(Vocabulary.CODES_ONLY).read(new ByteArrayInputStream(bytes))) {
            reading.forEachRemaining(rows::add);
            assertEquals(List.of(), reading.fileProblems());
        }
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).ok(), rows.get(0).problems()::toString);
        assertEquals("asa-oberg-design", rows.get(0).slug());
        MemberInput expected = new MemberInput(view.name(), view.type(), view.headline(), view.description(),
                view.municipality(), view.serviceArea(), view.skills(), view.languages(), view.seeks(), view.offers(),
                view.website(), view.logoUrl(), view.portfolioLinks(), view.socialLinks(), view.email(), view.phone(),
                view.contactPublic(), view.organisationNumber(), view.school(), view.graduationYear(), view.foundedYear(),
                view.availableForWork(), view.notes());
        assertEquals(expected, rows.get(0).member());
    }

    @Test
    void emptyListsAndAbsentValuesExportAsEmptyCells() throws IOException {
        MemberView view = new MemberView(UUID.randomUUID(), "a", "A", MemberType.STUDENT, null, null, "2580", List.of(),
                List.of("ux-design"), List.of(), List.of(), List.of(), null, null, List.of(), List.of(), null, null, false,
                null, null, null, null, false, Instant.EPOCH, Instant.EPOCH, 0, MemberStatus.PENDING, null, null, null,
                List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter csv = new CsvWriter(out, MemberColumn.writableColumns());
        csv.member(JSON.valueToTree(view));
        csv.flush();
        String[] lines = new String(out.toByteArray(), StandardCharsets.UTF_8).split("\r\n");
        assertEquals("A;student;;;2580;;ux-design;;;;;;;;;;false;;;;;false;", lines[1]);
    }
}
