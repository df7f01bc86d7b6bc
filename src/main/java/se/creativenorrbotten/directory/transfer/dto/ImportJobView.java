package se.creativenorrbotten.directory.transfer.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import se.creativenorrbotten.directory.transfer.ImportStatus;
import se.creativenorrbotten.directory.transfer.RowFormat;
import se.creativenorrbotten.directory.transfer.ImportFormat;
import se.creativenorrbotten.directory.transfer.ImportJobStatus;
import se.creativenorrbotten.directory.transfer.ImportMode;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ImportJob", description = "An import: its options, where it is, its counts and its rows' problems.")
public record ImportJobView(
        UUID id,
        ImportJobStatus status,
        ImportFormat format,
        @Schema(description = "Validated and reported only: nothing was stored; created and updated say what the"
                + " import would do.")
        boolean dryRun,
        ImportMode mode,
        @Schema(description = "All or nothing: one bad row and nothing is stored.")
        boolean atomic,
        ImportStatus memberStatus,
        @Schema(description = "The rows in the file; absent until the job has counted them.", minimum = "0",
                maximum = ImportJobView.MAX_ROWS)
        Integer total,
        @Schema(description = "Rows read so far.", minimum = "0", maximum = ImportJobView.MAX_ROWS)
        int processed,
        @Schema(minimum = "0", maximum = ImportJobView.MAX_ROWS)
        int created,
        @Schema(minimum = "0", maximum = ImportJobView.MAX_ROWS)
        int updated,
        @Schema(minimum = "0", maximum = ImportJobView.MAX_ROWS)
        int failed,
        @Schema(description = "What to know about the job as a whole (an all-or-nothing import rolled back, a job"
                + " that failed); absent when there is nothing to say.", maxLength = 1000)
        String note,
        @Schema(description = "The admin who started it.", maxLength = 64)
        String startedBy,
        Instant createdAt,
        @Schema(description = "When the job ended (UTC); absent while it is queued or running.", maxLength = 40)
        Instant finishedAt,
        @Schema(description = "The problems, by row (the first " + ImportJobView.MAX_PROBLEMS + ").",
                maxItems = ImportJobView.MAX_PROBLEMS)
        List<ImportProblemView> problems,
        @Schema(description = "How many problems there are in all.", minimum = "0", maximum = "2147483647")
        long problemCount) {

    public static final int MAX_PROBLEMS = 1000;
    /** The most rows of members an import file may have, as the contract states it. */
    public static final String MAX_ROWS = "" + RowFormat.MAX_ROWS;
}
