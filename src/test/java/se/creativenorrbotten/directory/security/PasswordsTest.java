package se.creativenorrbotten.directory.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void hashesMadeBeforeKeepWorking() {
        // Made by BcryptUtil.bcryptHash (cost 10), as AdminBootstrap stored them before this change; and cost 12.
        assertTrue(Passwords.matches("correct horse battery", "$2a$10$e4ZrcpIN19NBWMuGsOWiJOGjnKmbOX9ofJtGz6Tsbs6mee6hats.C"));
        assertTrue(Passwords.matches("correct horse battery", "$2a$12$z93lWqoaQ2AwQZZQUuLItuPFdEtxyNxvRMcayGEnVOMXO.fqRX4Iy"));
        assertFalse(Passwords.matches("correct horse batterY", "$2a$10$e4ZrcpIN19NBWMuGsOWiJOGjnKmbOX9ofJtGz6Tsbs6mee6hats.C"));
    }

    @Test
    void aNewHashIsBcryptInModularCryptFormatAndVerifies() {
        String hash = Passwords.hash("a new password");

        assertTrue(hash.startsWith("$2a$" + Passwords.COST + "$"), hash);
        assertTrue(Passwords.matches("a new password", hash));
        assertFalse(Passwords.matches("a new passwore", hash));
    }

    @Test
    void aStoredValueThatIsNoBcryptHashMatchesNothing() {
        assertFalse(Passwords.matches("whatever password", "not a hash"));
        assertFalse(Passwords.matches("whatever password", ""));
    }

    @Test
    void aNewPasswordHasAtLeast12CharactersAndAtMost72Utf8Bytes() {
        assertNotNull(Passwords.problem("12345678901"));
        assertNull(Passwords.problem("123456789012"));
        // Characters, not UTF-16 units: 11 emoji are 22 units but too few characters.
        assertNotNull(Passwords.problem("\uD83C\uDFA8".repeat(11)));
        assertNull(Passwords.problem("\uD83C\uDFA8".repeat(12)));
        assertNull(Passwords.problem("a".repeat(72)));
        assertNotNull(Passwords.problem("a".repeat(73)));
        // ä is two bytes in UTF-8: 36 fit, 37 do not.
        assertNull(Passwords.problem("ä".repeat(36)));
        assertNotNull(Passwords.problem("ä".repeat(37)));
    }
}
