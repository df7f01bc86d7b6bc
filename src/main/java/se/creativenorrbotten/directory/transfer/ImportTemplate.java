package se.creativenorrbotten.directory.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The CSV an admin fills in: every column an import reads, by its English header, and one example member. */
public final class ImportTemplate {

    /** The example member, as the JSON of its view: the columns read it by property name. */
    private static final String EXAMPLE = """
            {"name": "Åsa Öberg Design", "type": "agency",
             "headline": "UX and service design for the public sector in Norrbotten",
             "description": "A small studio in Luleå working with UX, service design and web development.\\nFounded 2014.",
             "municipality": "2580", "serviceArea": ["2580", "2581", "2582"],
             "skills": ["ux-design", "web-development"], "languages": ["sv", "en", "fi"],
             "seeks": ["collaboration"], "offers": ["assignments", "internship"],
             "website": "https://asaoberg.example", "logoUrl": "https://asaoberg.example/logo.png",
             "portfolioLinks": ["https://asaoberg.example/work/kulturhuset", "https://asaoberg.example/work/norrsken"],
             "socialLinks": [{"network": "linkedin", "url": "https://linkedin.example/company/asaoberg"}],
             "email": "hej@asaoberg.example.com", "phone": "+46 70-174 06 42", "contactPublic": true,
             "organisationNumber": "556036-0793", "foundedYear": 2014, "availableForWork": true,
             "notes": "Met at the media week 2026."}""";

    private static final byte[] CSV = render();

    private ImportTemplate() {
    }

    public static byte[] csv() {
        return CSV.clone();
    }

    private static byte[] render() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CsvWriter csv = new CsvWriter(out, MemberColumn.writableColumns());
            csv.member(JsonMapper.builder().build().readTree(EXAMPLE));
            csv.flush();
            return out.toByteArray();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the template's example is not JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
