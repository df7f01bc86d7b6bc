package se.creativenorrbotten.directory.transfer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.common.persistence.CodedConverter;

/** How an import writes its rows. */
@Schema(name = "ImportMode", description = "create: every row is a new member; upsert: a row that names a member"
        + " by slug or organisation number updates it, any other row creates one.")
public enum ImportMode implements Coded {
    CREATE("create"),
    UPSERT("upsert");

    private final String code;

    ImportMode(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @jakarta.persistence.Converter
    public static class DbConverter extends CodedConverter<ImportMode> {
        public DbConverter() {
            super(ImportMode.class);
        }
    }
}
