package se.creativenorrbotten.directory.common.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid input field: where it is (a JSON path such as {@code skills[2]}) and what is wrong with it. */
@Schema(name = "FieldError", description = "One invalid field of the request.")
public record FieldError(
        @Schema(description = "The field, as a JSON path into the request body or the name of a query parameter or header.",
                examples = "skills[1]", maxLength = 200)
        String field,
        @Schema(description = "What is wrong with the field and what is allowed.",
                examples = "unknown skill 'ux-desing'", maxLength = 500)
        String detail) {
}
