package se.creativenorrbotten.directory.taxonomy;

import java.util.Comparator;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.text.SwedishText;

@ApplicationScoped
public class MunicipalityService {

    private final MunicipalityRepository municipalities;
    private final TaxonomyUsage usage;

    public MunicipalityService(MunicipalityRepository municipalities, TaxonomyUsage usage) {
        this.municipalities = municipalities;
        this.usage = usage;
    }

    public MunicipalityList list() {
        Map<String, Long> counts = usage.publishedPerMunicipality();
        return new MunicipalityList(municipalities.listAll().stream()
                .sorted(Comparator.comparing(Municipality::getName, SwedishText.COLLATOR))
                .map(m -> view(m, counts.getOrDefault(m.getCode(), 0L)))
                .toList());
    }

    public MunicipalityView get(String code) {
        Municipality municipality = municipalities.findById(code);
        if (municipality == null) {
            throw ProblemException.notFound("There is no municipality with code '" + code + "' in Norrbotten.");
        }
        return view(municipality, usage.publishedIn(code));
    }

    private static MunicipalityView view(Municipality m, long memberCount) {
        return new MunicipalityView(m.getCode(), m.getName(), m.getLatitude(), m.getLongitude(), memberCount);
    }
}
