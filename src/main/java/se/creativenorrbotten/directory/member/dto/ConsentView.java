package se.creativenorrbotten.directory.member.dto;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.creativenorrbotten.directory.member.ConsentSource;

/** A consent as given or withdrawn, with when, how and by whom it was recorded. */
@Schema(name = "Consent", description = "A consent given or withdrawn. kind contactPublic: to show e-mail and phone publicly;"
        + " privacyNotice: the applicant confirmed having read the privacy notice (applications).")
public record ConsentView(
        @Schema(maxLength = 30, examples = "contactPublic") String kind,
        @Schema(description = "true: given; false: withdrawn (or refused).") boolean given,
        @Schema(maxLength = 40) Instant at,
        ConsentSource source,
        @Schema(description = "Who recorded it: the curator's user name, or applicant.", maxLength = 64) String recordedBy) {
}
