package se.creativenorrbotten.directory.transfer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.common.persistence.CodedConverter;

/** The format of an import's rows. */
@Schema(name = "ImportFormat", description = "ndjson: one member's JSON object per line; csv: a spreadsheet's rows.")
public enum ImportFormat implements Coded {
    NDJSON("ndjson"),
    CSV("csv");

    private final String code;

    ImportFormat(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @jakarta.persistence.Converter
    public static class DbConverter extends CodedConverter<ImportFormat> {
        public DbConverter() {
            super(ImportFormat.class);
        }
    }
}
