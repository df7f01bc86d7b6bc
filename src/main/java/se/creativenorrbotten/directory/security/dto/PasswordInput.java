package se.creativenorrbotten.directory.security.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import se.creativenorrbotten.directory.security.NewPassword;
import se.creativenorrbotten.directory.security.Passwords;

@Schema(name = "PasswordInput", description = "An account's new password.")
public record PasswordInput(
        @Schema(description = AccountInput.PASSWORD_DOC, examples = "correct-horse-battery", minLength = Passwords.MIN_LENGTH,
                maxLength = Passwords.MAX_UTF8_BYTES, required = true, writeOnly = true, format = "password")
        @NotNull @NewPassword
        String password) {
}
