package se.creativenorrbotten.directory.taxonomy;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import se.creativenorrbotten.directory.member.MemberRepository;

@ApplicationScoped
public class MunicipalityRepository implements PanacheRepositoryBase<Municipality, String> {

    /** How many published members have each municipality as their base. */
    public Map<String, Long> memberCounts() {
        Map<String, Long> counts = new HashMap<>();
        getEntityManager()
                .createQuery("select m.municipalityCode, count(m) from Member m where " + MemberRepository.PUBLISHED
                        + " group by m.municipalityCode", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    /** How many published members have the municipality as their base. */
    public long memberCount(String code) {
        return getEntityManager()
                .createQuery("select count(m) from Member m where m.municipalityCode = :code and " + MemberRepository.PUBLISHED,
                        Long.class)
                .setParameter("code", code)
                .getSingleResult();
    }
}
