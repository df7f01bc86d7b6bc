package se.creativenorrbotten.directory.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

    public Optional<Account> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    /** One page of accounts in user-name order. */
    public List<Account> page(int offset, int size) {
        return findAll(Sort.by("username")).range(offset, offset + size - 1).list();
    }

    /**
     * The ids of the enabled admins, locking their rows until the transaction ends, so that two requests
     * cannot each demote or disable a different one of the last two admins.
     */
    public List<UUID> lockEnabledAdmins() {
        return getEntityManager()
                .createQuery("select a from Account a where a.role = :role and a.enabled = true", Account.class)
                .setParameter("role", AccountRole.ADMIN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream().map(Account::getId).toList();
    }
}
