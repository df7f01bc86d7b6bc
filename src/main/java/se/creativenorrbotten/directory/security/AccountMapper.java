package se.creativenorrbotten.directory.security;

import java.util.List;

import se.creativenorrbotten.directory.common.paging.PageRequest;
import se.creativenorrbotten.directory.security.dto.AccountPage;
import se.creativenorrbotten.directory.security.dto.AccountView;

/** The one place where accounts become API views; the password hash is left behind here. */
final class AccountMapper {

    private AccountMapper() {
    }

    static AccountView toView(Account account) {
        return new AccountView(account.getId(), account.getUsername(), account.getRole(), account.isEnabled(),
                account.getCreatedAt(), account.getUpdatedAt());
    }

    static AccountPage toPage(List<Account> accounts, PageRequest page, long total) {
        return new AccountPage(accounts.stream().map(AccountMapper::toView).toList(), page.page(), page.size(), total);
    }
}
