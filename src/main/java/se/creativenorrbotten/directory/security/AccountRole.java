package se.creativenorrbotten.directory.security;

import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.common.persistence.CodedConverter;

/** An account's role, as the API and the database spell it. {@link Roles} holds the same names as constants for annotations. */
@Schema(name = "AccountRole", description = "admin: everything, including accounts and the skill taxonomy;"
        + " curator: members only.")
public enum AccountRole implements Coded {
    ADMIN(Roles.ADMIN),
    CURATOR(Roles.CURATOR);

    private final String code;

    AccountRole(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The roles an identity with this account role holds: an admin is a curator too. */
    public Set<String> grantedRoles() {
        return this == ADMIN ? Set.of(Roles.ADMIN, Roles.CURATOR) : Set.of(Roles.CURATOR);
    }

    @jakarta.persistence.Converter
    public static class DbConverter extends CodedConverter<AccountRole> {
        public DbConverter() {
            super(AccountRole.class);
        }
    }
}
