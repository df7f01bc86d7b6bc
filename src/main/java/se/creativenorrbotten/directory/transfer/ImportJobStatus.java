package se.creativenorrbotten.directory.transfer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.common.persistence.CodedConverter;

/** Where an import job is. */
@Schema(name = "ImportJobStatus", description = "queued: waiting for the job before it; running; done: every row"
        + " was read (the report says which failed); failed: the job could not finish (the note says why).")
public enum ImportJobStatus implements Coded {
    QUEUED("queued"),
    RUNNING("running"),
    DONE("done"),
    FAILED("failed");

    private final String code;

    ImportJobStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @jakarta.persistence.Converter
    public static class DbConverter extends CodedConverter<ImportJobStatus> {
        public DbConverter() {
            super(ImportJobStatus.class);
        }
    }
}
