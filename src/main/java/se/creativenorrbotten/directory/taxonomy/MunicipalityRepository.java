package se.creativenorrbotten.directory.taxonomy;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MunicipalityRepository implements PanacheRepositoryBase<Municipality, String> {

    /** Every municipality's code. */
    public List<String> codes() {
        return getEntityManager().createQuery("select m.code from Municipality m", String.class).getResultList();
    }
}
