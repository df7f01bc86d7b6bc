package se.creativenorrbotten.directory.curation;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an application. */
@Schema(name = "ApplicationReceipt", description = "The application was received and waits for a curator's review.")
public record ApplicationReceipt(
        @Schema(description = "Quote it when you contact the network about your application.", format = "uuid",
                maxLength = 36) UUID reference,
        @Schema(maxLength = 200, examples = "Thank you! A curator reviews your application before it is published.")
        String message) {

    static ApplicationReceipt of(UUID reference) {
        return new ApplicationReceipt(reference, "Thank you! A curator reviews your application before it is published.");
    }
}
