package se.creativenorrbotten.directory.security;

import java.util.Optional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import se.creativenorrbotten.directory.DirectoryConfig;
import se.creativenorrbotten.directory.common.http.ClientAddress;
import se.creativenorrbotten.directory.common.limits.LimitStore;
import se.creativenorrbotten.directory.common.problem.ProblemException;

/**
 * Checks HTTP Basic credentials against the account table. The account row is read on every request, so
 * disabling an account or changing its role takes effect at once; the bcrypt verification is cached
 * briefly ({@link VerifiedPasswordCache}). An unknown user name, a disabled account and a wrong password
 * all fail alike (401, after the same bcrypt work), so the answer does not tell which accounts exist.
 * Failures are throttled per user name and client, per client and per user name ({@link LoginThrottle}, 429;
 * a refused attempt reads no account and does no bcrypt work). The identity's
 * principal is the user name; an admin holds the curator role too.
 */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final AccountRepository accounts;
    private final LoginThrottle throttle;
    private final VerifiedPasswordCache verified;

    public AccountIdentityProvider(AccountRepository accounts, DirectoryConfig config, LimitStore limits) {
        this.accounts = accounts;
        this.throttle = new LoginThrottle(config.login(), limits);
        this.verified = new VerifiedPasswordCache(config.login().cacheTtl());
    }

    /** What a login needs of an account, read in its own transaction. */
    private record StoredAccount(String passwordHash, boolean enabled, AccountRole role) {
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = Usernames.normalize(request.getUsername());
        String password = new String(request.getPassword().getPassword());
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        String client = ClientAddress.of(routing == null ? null : routing.request());
        // Blocking from the first step: on PostgreSQL the throttle's limits are rows of the database.
        return context.runBlocking(() -> {
            LoginThrottle.Attempt attempt;
            try {
                attempt = throttle.begin(username, client);
            } catch (ProblemException blocked) {
                throw new AuthenticationFailedException(blocked);
            }
            try {
                SecurityIdentity identity = check(username, password);
                throttle.succeeded(attempt);
                return identity;
            } catch (AuthenticationFailedException failed) {
                try {
                    throttle.failed(attempt);
                } catch (ProblemException blocked) {
                    throw new AuthenticationFailedException(blocked);
                }
                throw failed;
            }
        });
    }

    private SecurityIdentity check(String username, String password) {
        // A name no account can have is not looked up: a NUL byte would fail in PostgreSQL (a 500, not a 401).
        Optional<StoredAccount> stored = !Usernames.isValid(username) ? Optional.empty()
                : QuarkusTransaction.requiringNew().call(() -> accounts.findByUsername(username)
                        .map(account -> new StoredAccount(account.getPasswordHash(), account.isEnabled(), account.getRole())));
        if (stored.isEmpty()) {
            Passwords.verifyAgainstNothing(password);
            throw new AuthenticationFailedException();
        }
        StoredAccount account = stored.get();
        boolean matches = verified.isVerified(username, password, account.passwordHash());
        if (!matches && Passwords.matches(password, account.passwordHash())) {
            verified.verified(username, password, account.passwordHash());
            matches = true;
        }
        if (!matches || !account.enabled()) {
            throw new AuthenticationFailedException();
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addRoles(account.role().grantedRoles())
                .build();
    }
}
