package se.creativenorrbotten.directory.member;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<MemberConsent, Long> {

    public List<MemberConsent> all(UUID memberId) {
        return find("memberId", Sort.ascending("id"), memberId).list();
    }

    /** Each kind's latest record: the consents in force. */
    public Collection<MemberConsent> current(UUID memberId) {
        return inForce(all(memberId));
    }

    /** The consents in force of each of the members (one query), by member; a member without any is left out. */
    public Map<UUID, Collection<MemberConsent>> current(Collection<UUID> memberIds) {
        Map<UUID, List<MemberConsent>> logs = new LinkedHashMap<>();
        if (!memberIds.isEmpty()) {
            for (MemberConsent consent : find("memberId in ?1", Sort.ascending("id"), memberIds).list()) {
                logs.computeIfAbsent(consent.getMemberId(), id -> new ArrayList<>()).add(consent);
            }
        }
        Map<UUID, Collection<MemberConsent>> current = new LinkedHashMap<>();
        logs.forEach((id, log) -> current.put(id, inForce(log)));
        return current;
    }

    /** Of a consent log (oldest first), each kind's latest record. */
    static Collection<MemberConsent> inForce(List<MemberConsent> log) {
        Map<String, MemberConsent> latest = new LinkedHashMap<>();
        log.forEach(consent -> latest.put(consent.getKind(), consent));
        return latest.values();
    }

    public void erase(UUID memberId) {
        delete("memberId", memberId);
    }
}
