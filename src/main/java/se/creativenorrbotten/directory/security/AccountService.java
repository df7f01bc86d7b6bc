package se.creativenorrbotten.directory.security;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import se.creativenorrbotten.directory.common.json.JsonBodies;
import se.creativenorrbotten.directory.common.paging.PageRequest;
import se.creativenorrbotten.directory.common.problem.FieldError;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.security.dto.AccountChange;
import se.creativenorrbotten.directory.security.dto.AccountInput;
import se.creativenorrbotten.directory.security.dto.AccountPage;
import se.creativenorrbotten.directory.security.dto.AccountView;

/**
 * Admins manage accounts here. The rule that matters: the directory never loses its last enabled admin.
 * Changes take effect at the account's next request (the identity provider reads the row every time).
 */
@ApplicationScoped
public class AccountService {

    private final AccountRepository accounts;
    private final ObjectMapper json;
    private final Clock clock;

    public AccountService(AccountRepository accounts, ObjectMapper json, Clock clock) {
        this.accounts = accounts;
        this.json = json;
        this.clock = clock;
    }

    public AccountPage list(PageRequest page) {
        return AccountMapper.toPage(accounts.page(page.offset(), page.size()), page, accounts.count());
    }

    public AccountView get(UUID id) {
        return AccountMapper.toView(find(id));
    }

    @Transactional
    public AccountView create(AccountInput input) {
        if (accounts.findByUsername(input.username()).isPresent()) {
            throw taken(input.username());
        }
        Account account = new Account(input.username(), Passwords.hash(input.password()), input.role(), now());
        try {
            accounts.persistAndFlush(account);
        } catch (PersistenceException raced) {
            // Created by another request between the check and the insert: the unique user name caught it.
            throw taken(input.username());
        }
        return AccountMapper.toView(account);
    }

    /** Applies a JSON merge patch of role and/or enabled. */
    @Transactional
    public AccountView patch(UUID id, String body) {
        AccountChange change = parseChange(body);
        Account account = find(id);
        AccountRole role = change.role() != null ? change.role() : account.getRole();
        boolean enabled = change.enabled() != null ? change.enabled() : account.isEnabled();
        if (role == account.getRole() && enabled == account.isEnabled()) {
            return AccountMapper.toView(account);
        }
        if (account.getRole() == AccountRole.ADMIN && account.isEnabled() && (role != AccountRole.ADMIN || !enabled)) {
            keepAnotherAdmin(account);
        }
        account.setRole(role);
        account.setEnabled(enabled);
        account.setUpdatedAt(now());
        return AccountMapper.toView(account);
    }

    @Transactional
    public void setPassword(UUID id, String password) {
        Account account = find(id);
        account.setPasswordHash(Passwords.hash(password));
        account.setUpdatedAt(now());
    }

    private void keepAnotherAdmin(Account account) {
        if (accounts.lockEnabledAdmins().stream().allMatch(account.getId()::equals)) {
            throw ProblemException.conflict("'" + account.getUsername() + "' is the last enabled admin; make another"
                    + " account an admin first, so that the directory keeps one.");
        }
    }

    private AccountChange parseChange(String body) {
        JsonNode patch = JsonBodies.object(json, body, "A merge patch");
        List<FieldError> errors = new ArrayList<>();
        for (String property : List.of("role", "enabled")) {
            if (patch.has(property) && patch.get(property).isNull()) {
                errors.add(new FieldError(property, "cannot be removed; send a new value or leave it out"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return JsonBodies.bind(json, patch, AccountChange.class);
    }

    private Account find(UUID id) {
        Account account = accounts.findById(id);
        if (account == null) {
            throw ProblemException.notFound("There is no account " + id + ".");
        }
        return account;
    }

    private static ProblemException taken(String username) {
        return ProblemException.conflict("The user name '" + username + "' is taken.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
