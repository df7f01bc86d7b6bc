package se.creativenorrbotten.directory.security;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.jboss.logging.Logger;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import se.creativenorrbotten.directory.DirectoryConfig;

/**
 * Creates the first admin when there is no account yet: with DIRECTORY_ADMIN_USERNAME and
 * DIRECTORY_ADMIN_PASSWORD, or with a generated password that is logged once. Existing accounts are
 * never changed here.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    private static final int MIN_PASSWORD_LENGTH = 12;

    private final AccountRepository accounts;
    private final DirectoryConfig config;

    public AdminBootstrap(AccountRepository accounts, DirectoryConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        if (accounts.count() > 0) {
            return;
        }
        String username = config.admin().username().strip();
        String password = config.admin().password().filter(p -> !p.isBlank()).orElse(null);
        if (password == null) {
            password = generatePassword();
            LOG.warnf("Created the first admin account '%s' with the generated password %s"
                    + " -- it is shown only this once; set DIRECTORY_ADMIN_PASSWORD to choose it yourself.", username, password);
        } else {
            if (password.length() < MIN_PASSWORD_LENGTH) {
                LOG.warnf("DIRECTORY_ADMIN_PASSWORD is shorter than %d characters; choose a longer one.", MIN_PASSWORD_LENGTH);
            }
            LOG.infof("Created the first admin account '%s' from DIRECTORY_ADMIN_PASSWORD.", username);
        }
        accounts.persist(new Account(username, BcryptUtil.bcryptHash(password), Roles.ADMIN,
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
