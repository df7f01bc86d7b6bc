package se.creativenorrbotten.directory.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.common.problem.FieldError;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.member.MemberSelection;
import se.creativenorrbotten.directory.member.MemberService;
import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.MemberType;
import se.creativenorrbotten.directory.member.dto.MemberView;
import se.creativenorrbotten.directory.taxonomy.MunicipalityRepository;
import se.creativenorrbotten.directory.taxonomy.SkillRepository;

/**
 * The admins' export of the directory, every member in every status with every property, as CSV or NDJSON. It is
 * written as it is read, a batch of {@value #BATCH} members at a time in id order, each batch in its own transaction:
 * the export of any number of members holds one batch.
 */
@ApplicationScoped
public class MemberExports {

    static final int BATCH = 500;
    /** The most values of each filter, as in the search: one of each status, type and municipality; 20 skills. */
    public static final int MAX_STATUSES = 4;
    public static final int MAX_TYPES = 3;
    public static final int MAX_MUNICIPALITIES = 14;
    public static final int MAX_SKILLS = 20;
    private static final byte NEWLINE = '\n';

    private final MemberService members;
    private final SkillRepository skills;
    private final MunicipalityRepository municipalities;
    private final ObjectMapper json;
    private final Clock clock;

    public MemberExports(MemberService members, SkillRepository skills, MunicipalityRepository municipalities,
            ObjectMapper json, Clock clock) {
        this.members = members;
        this.skills = skills;
        this.municipalities = municipalities;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The selection the query parameters name, as the search's filters do: values OR-ed within a parameter, the
     * parameters AND-ed; every unknown value is a 400 naming its parameter.
     */
    public MemberSelection selection(ExportFilters filters) {
        List<String> status = filters.status();
        List<String> municipality = filters.municipality();
        List<String> skill = filters.skill();
        List<String> type = filters.type();
        List<FieldError> errors = new ArrayList<>();
        atMost("status", status, MAX_STATUSES, errors);
        atMost("municipality", municipality, MAX_MUNICIPALITIES, errors);
        atMost("skill", skill, MAX_SKILLS, errors);
        atMost("type", type, MAX_TYPES, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Set<MemberStatus> statuses = codes(MemberStatus.class, "status", status, errors);
        Set<MemberType> types = codes(MemberType.class, "type", type, errors);
        Set<String> codes = known("municipality", municipality, code -> municipalities.findById(code) != null,
                "unknown municipality code", errors);
        Set<String> slugs = known("skill", skill, slug -> skills.findById(slug) != null, "unknown skill", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new MemberSelection(statuses, codes, slugs, types);
    }

    private static void atMost(String parameter, List<String> values, int max, List<FieldError> errors) {
        if (values.size() > max) {
            errors.add(new FieldError(parameter, "at most " + max + " values; " + values.size() + " were sent"));
        }
    }

    private static <E extends Enum<E> & Coded> Set<E> codes(Class<E> type, String parameter, List<String> values,
            List<FieldError> errors) {
        Set<E> codes = new LinkedHashSet<>();
        for (String value : values) {
            if (Coded.isCode(type, value)) {
                codes.add(Coded.fromCode(type, value));
            } else {
                errors.add(new FieldError(parameter, "unknown " + parameter + " '" + value + "'; must be one of: "
                        + Coded.allowed(type)));
            }
        }
        return codes;
    }

    private static Set<String> known(String parameter, List<String> values, Predicate<String> exists,
            String unknown, List<FieldError> errors) {
        Set<String> known = new LinkedHashSet<>();
        for (String value : values) {
            if (exists.test(value)) {
                known.add(value);
            } else {
                errors.add(new FieldError(parameter, unknown + " '" + value + "'"));
            }
        }
        return known;
    }

    /** The attachment's file name: {@code members-2026-12-02.csv}, the day in Swedish time. */
    public String fileName(String extension) {
        return "members-" + LocalDate.now(clock.withZone(MemberService.ZONE)) + "." + extension.toLowerCase(Locale.ROOT);
    }

    public void csv(MemberSelection selection, OutputStream out) throws IOException {
        csv(selection, out, BATCH);
    }

    void csv(MemberSelection selection, OutputStream out, int batchSize) throws IOException {
        CsvWriter csv = new CsvWriter(out, List.of(MemberColumn.values()));
        UUID after = null;
        List<MemberView> batch;
        do {
            batch = members.batch(selection, after, batchSize);
            for (MemberView member : batch) {
                csv.member(json.valueToTree(member));
                after = member.id();
            }
            csv.flush();
        } while (batch.size() == batchSize);
    }

    /** One member's full record (as {@code GET /members/{id}} answers curators) per line. */
    public void ndjson(MemberSelection selection, OutputStream out) throws IOException {
        ndjson(selection, out, BATCH);
    }

    void ndjson(MemberSelection selection, OutputStream out, int batchSize) throws IOException {
        UUID after = null;
        List<MemberView> batch;
        do {
            batch = members.batch(selection, after, batchSize);
            for (MemberView member : batch) {
                out.write(json.writeValueAsBytes(member));
                out.write(NEWLINE);
                after = member.id();
            }
            out.flush();
        } while (batch.size() == batchSize);
    }
}
