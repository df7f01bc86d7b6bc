package se.creativenorrbotten.directory.security.dto;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.creativenorrbotten.directory.security.AccountRole;
import se.creativenorrbotten.directory.security.Usernames;

@Schema(name = "AccountView", description = "An account. Its password is never shown.")
public record AccountView(
        @Schema(required = true, description = "Server-assigned identifier.", format = "uuid", maxLength = 36,
                examples = "3f2b8c1e-8a7d-4c1e-9b1a-2f4e5d6c7b8a")
        UUID id,
        @Schema(required = true, description = "The login name, in lower case.", examples = "anna.lind", maxLength = 64,
                pattern = Usernames.PATTERN)
        String username,
        @Schema(required = true) AccountRole role,
        @Schema(required = true, description = "false: the account's credentials are refused.") boolean enabled,
        @Schema(required = true, description = "When the account was created (UTC).", maxLength = 40) Instant createdAt,
        @Schema(required = true, description = "When the role, enabled or the password last changed (UTC).", maxLength = 40)
        Instant updatedAt) {
}
