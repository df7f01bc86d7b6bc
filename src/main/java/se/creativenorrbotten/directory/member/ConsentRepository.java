package se.creativenorrbotten.directory.member;

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
