package se.creativenorrbotten.directory.member.dto;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;

/** How long to feature a member. */
@Schema(name = "Feature", description = "Feature the member through this day (Swedish time): today up to a year ahead."
        + " The feature ends by itself.")
public record FeatureInput(
        @Schema(required = true, format = "date", maxLength = 10, examples = "2027-01-31") @NotNull LocalDate until) {
}
