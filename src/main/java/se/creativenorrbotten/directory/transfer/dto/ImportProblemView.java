package se.creativenorrbotten.directory.transfer.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ImportProblem", description = "One problem of one row, in the words of the API's validation errors.")
public record ImportProblemView(
        @Schema(description = "The row as the admin sees it: an NDJSON file's line number, a CSV file's row as Excel"
                + " numbers it (the header is row 1).", examples = "7", minimum = "1",
                maximum = "2147483647")
        long row,
        @Schema(description = "The property or column (JSON paths such as skills[2]); absent: the whole row.",
                examples = "municipality", maxLength = 200)
        String field,
        @Schema(description = "What is wrong.", examples = "unknown municipality code '9999'; see /api/v1/municipalities",
                maxLength = 2000)
        String problem) {
}
