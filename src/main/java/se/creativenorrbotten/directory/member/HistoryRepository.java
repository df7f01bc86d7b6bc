package se.creativenorrbotten.directory.member;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryEntry, Long> {

    private static final Sort NEWEST_FIRST = Sort.descending("id");

    public List<HistoryEntry> page(UUID memberId, int page, int size) {
        return find("memberId", NEWEST_FIRST, memberId).page(Page.of(page - 1, size)).list();
    }

    public List<HistoryEntry> all(UUID memberId) {
        return find("memberId", Sort.ascending("id"), memberId).list();
    }

    public long countOf(UUID memberId) {
        return count("memberId", memberId);
    }

    /** Erasure: keeps who did what when, drops every value and reason (they may be personal data). */
    public void scrub(UUID memberId) {
        update("oldValue = null, newValue = null, reason = null where memberId = ?1", memberId);
    }
}
