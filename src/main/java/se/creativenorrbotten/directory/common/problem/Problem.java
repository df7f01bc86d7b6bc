package se.creativenorrbotten.directory.common.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of every error response: RFC 9457 problem details, with {@code errors} for invalid input. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An error, as RFC 9457 problem details (media type application/problem+json).")
public record Problem(
        @Schema(description = "A URI naming the kind of problem; stable, documented in the README.",
                examples = "https://directory.creativenorrbotten.se/problems/invalid-input", maxLength = 200, format = "uri")
        String type,
        @Schema(description = "A short, stable summary of the kind of problem.", examples = "Invalid input", maxLength = 200)
        String title,
        @Schema(description = "The HTTP status code.", examples = "400", minimum = "400", maximum = "599", format = "int32")
        int status,
        @Schema(description = "What went wrong in this request and how to fix it.",
                examples = "2 fields are invalid; see errors.", maxLength = 2000)
        String detail,
        @Schema(description = "For invalid input: each invalid field and what is wrong with it.", maxItems = 200)
        List<FieldError> errors) {
}
