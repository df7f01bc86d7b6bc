package se.creativenorrbotten.directory.security;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import se.creativenorrbotten.directory.DirectoryConfig;
import se.creativenorrbotten.directory.common.persistence.StartupLock;

/**
 * Creates the first admin when there is no account yet (one instance at a time: {@link StartupLock}): with DIRECTORY_ADMIN_USERNAME and
 * DIRECTORY_ADMIN_PASSWORD, or with a generated password that is logged once. Existing accounts are
 * never changed here.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final AccountRepository accounts;
    private final DirectoryConfig config;
    private final Clock clock;

    public AdminBootstrap(AccountRepository accounts, DirectoryConfig config, Clock clock) {
        this.accounts = accounts;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        // Instances starting together on an empty database: one creates the admin, the others then find it.
        StartupLock.take(accounts.getEntityManager());
        if (accounts.count() > 0) {
            return;
        }
        String username = Usernames.normalize(config.admin().username().strip());
        if (!Usernames.isValid(username)) {
            throw new IllegalStateException("DIRECTORY_ADMIN_USERNAME " + Usernames.RULE + ".");
        }
        String password = config.admin().password().filter(p -> !p.isBlank()).orElse(null);
        if (password == null) {
            password = Passwords.randomPassword();
            LOG.warnf("Created the first admin account '%s' with the generated password %s"
                    + " -- it is shown only this once; set DIRECTORY_ADMIN_PASSWORD to choose it yourself.", username, password);
        } else {
            String problem = Passwords.problem(password);
            if (problem != null) {
                LOG.warnf("DIRECTORY_ADMIN_PASSWORD %s; change it with PUT /api/v1/accounts/{id}/password.", problem);
            }
            LOG.infof("Created the first admin account '%s' from DIRECTORY_ADMIN_PASSWORD.", username);
        }
        accounts.persist(new Account(username, Passwords.hash(password), AccountRole.ADMIN,
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }
}
