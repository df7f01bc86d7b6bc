package se.creativenorrbotten.directory.transfer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.common.persistence.CodedConverter;
import se.creativenorrbotten.directory.member.MemberStatus;

/** The status an import gives the members it creates (an upsert keeps an updated member's). */
@Schema(name = "ImportStatus", description = "published (the default) or pending: every member the import creates gets"
        + " it; keep: each row's own status (and status reason) as an export wrote it, published where a row has none,"
        + " so that a directory moved by export and import keeps its pending, rejected and archived members out of"
        + " sight.")
public enum ImportStatus implements Coded {
    PUBLISHED("published"),
    PENDING("pending"),
    KEEP("keep");

    private final String code;

    ImportStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The status a created member gets, given the one its row has (null: none). */
    public MemberStatus of(MemberStatus written) {
        return switch (this) {
            case PUBLISHED -> MemberStatus.PUBLISHED;
            case PENDING -> MemberStatus.PENDING;
            case KEEP -> written == null ? MemberStatus.PUBLISHED : written;
        };
    }

    @jakarta.persistence.Converter
    public static class DbConverter extends CodedConverter<ImportStatus> {
        public DbConverter() {
            super(ImportStatus.class);
        }
    }
}
