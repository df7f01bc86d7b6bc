package se.creativenorrbotten.directory.security.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.creativenorrbotten.directory.security.AccountRole;

/** A merge patch of an account: each property sent is changed, the others kept. Neither can be removed (null). */
@Schema(name = "AccountChange", description = "A JSON merge patch (RFC 7396) of an account: role, enabled, or both."
        + " Neither may be null. The password is changed with PUT /api/v1/accounts/{id}/password.")
public record AccountChange(
        AccountRole role,
        @Schema(description = "false disables the account: its credentials are refused (401) from the next request on.")
        Boolean enabled) {
}
