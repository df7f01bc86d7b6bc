package se.creativenorrbotten.directory.security.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import se.creativenorrbotten.directory.security.AccountRole;
import se.creativenorrbotten.directory.security.NewPassword;
import se.creativenorrbotten.directory.security.Passwords;
import se.creativenorrbotten.directory.security.Usernames;

@Schema(name = "AccountInput", description = "A new account.")
public record AccountInput(
        @Schema(description = "The login name; case-insensitive (stored in lower case). Letters a-z, digits and . _ @ -,"
                + " starting with a letter or digit.", examples = "anna.lind", minLength = Usernames.MIN_LENGTH,
                maxLength = Usernames.MAX_LENGTH, pattern = "^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$", required = true)
        @NotNull @Pattern(regexp = Usernames.PATTERN, message = Usernames.RULE)
        String username,
        @Schema(description = PASSWORD_DOC, examples = "correct-horse-battery", minLength = Passwords.MIN_LENGTH,
                maxLength = Passwords.MAX_UTF8_BYTES, required = true, writeOnly = true, format = "password")
        @NotNull @NewPassword
        String password,
        @Schema(required = true)
        @NotNull
        AccountRole role) {

    public static final String PASSWORD_DOC = "At least 12 characters and at most 72 bytes in UTF-8 (bcrypt's limit: 72 ASCII"
            + " characters, fewer with accented letters or emoji). Stored only as a bcrypt hash; never returned.";

    public AccountInput {
        username = Usernames.normalize(username);
    }
}
