package se.creativenorrbotten.directory.member;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import se.creativenorrbotten.directory.common.json.MergePatch;
import se.creativenorrbotten.directory.common.problem.FieldError;
import se.creativenorrbotten.directory.common.problem.JsonProblems;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.problem.ProblemType;
import se.creativenorrbotten.directory.common.problem.Violations;
import se.creativenorrbotten.directory.common.text.Folding;
import se.creativenorrbotten.directory.member.dto.MemberInput;
import se.creativenorrbotten.directory.member.dto.MemberView;
import se.creativenorrbotten.directory.member.dto.PublicMemberView;
import se.creativenorrbotten.directory.taxonomy.Languages;
import se.creativenorrbotten.directory.taxonomy.MunicipalityRepository;
import se.creativenorrbotten.directory.taxonomy.SkillRepository;

/**
 * Every read and write of members goes through here: the business rules, the transaction boundary,
 * optimistic concurrency and the change sequence.
 */
@ApplicationScoped
public class MemberService {

    private static final String FALLBACK_SLUG = "member";
    private static final int MAX_SLUG_LENGTH = 80;
    private static final int MAX_CREATE_ATTEMPTS = 5;

    private final MemberRepository members;
    private final SkillRepository skills;
    private final MunicipalityRepository municipalities;
    private final Validator validator;
    private final ObjectMapper json;
    private final Event<MemberWritten> written;
    private final Clock clock;

    public MemberService(MemberRepository members, SkillRepository skills, MunicipalityRepository municipalities,
            Validator validator, ObjectMapper json, Event<MemberWritten> written) {
        this.members = members;
        this.skills = skills;
        this.municipalities = municipalities;
        this.validator = validator;
        this.json = json;
        this.written = written;
        this.clock = Clock.systemUTC();
    }

    /** The full record, by id or by slug. */
    public MemberView get(String idOrSlug) {
        return MemberMapper.toView(find(idOrSlug));
    }

    /** The view the public may see. */
    public static PublicMemberView publicView(MemberView member) {
        return MemberMapper.toPublic(member);
    }

    /**
     * Adds a member. Two members created at once with the same name could both pick the same free slug;
     * the loser's transaction fails on the unique slug and is retried with the next free one.
     */
    public MemberView create(MemberInput input) {
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> createOnce(input));
            } catch (RuntimeException e) {
                if (attempt >= MAX_CREATE_ATTEMPTS || !slugTaken(e)) {
                    throw e;
                }
            }
        }
    }

    private MemberView createOnce(MemberInput raw) {
        MemberInput input = validate(raw);
        Instant now = now();
        Member member = new Member(UUID.randomUUID(), freeSlug(input.name()), now);
        MemberMapper.apply(input, member);
        member.touch(now, members.nextChangeSeq());
        members.persist(member);
        members.flush();
        written.fire(MemberWritten.of(member.getId()));
        return MemberMapper.toView(member);
    }

    private static boolean slugTaken(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    ? violation.getConstraintName() + " " + violation.getMessage() : cause.getMessage();
            if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("member_slug_unique")) {
                return true;
            }
        }
        return false;
    }

    @Transactional
    public MemberView replace(UUID id, String ifMatch, MemberInput input) {
        Member member = findForWrite(id, ifMatch, true);
        return save(member, validate(input));
    }

    /** Applies an RFC 7396 merge patch to the member as its write body, then validates the result like a PUT. */
    @Transactional
    public MemberView patch(UUID id, String ifMatch, String body) {
        Member member = findForWrite(id, ifMatch, true);
        JsonNode patch;
        try {
            patch = body == null ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        }
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "A merge patch must be a JSON object.");
        }
        JsonNode patched = MergePatch.apply(json.valueToTree(MemberMapper.toInput(member)), patch);
        MemberInput input;
        try {
            input = json.treeToValue(patched, MemberInput.class);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        }
        return save(member, validate(input));
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Member member = findForWrite(id, ifMatch, false);
        members.delete(member);
        members.getEntityManager().persist(new MemberTombstone(member.getId(), now(), members.nextChangeSeq()));
        members.flush();
        written.fire(MemberWritten.of(id));
    }

    private MemberView save(Member member, MemberInput input) {
        long changeSeq = members.nextChangeSeq(); // before the change: the native query flushes pending changes
        MemberMapper.apply(input, member);
        member.touch(now(), changeSeq);
        members.flush();
        written.fire(MemberWritten.of(member.getId()));
        return MemberMapper.toView(member);
    }

    private Member find(String idOrSlug) {
        Optional<Member> member = parseUuid(idOrSlug).map(members::findByIdOptional)
                .orElseGet(() -> members.findBySlug(idOrSlug));
        return member.orElseThrow(() -> ProblemException.notFound("There is no member '" + idOrSlug + "'."));
    }

    /**
     * Loads a member for a write and checks the caller's If-Match against its version, so that a
     * write based on a stale read fails instead of overwriting. A concurrent write that commits between
     * this check and ours is caught by the version column (409).
     */
    private Member findForWrite(UUID id, String ifMatch, boolean required) {
        Member member = members.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("There is no member with id '" + id + "'."));
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw new ProblemException(ProblemType.PRECONDITION_REQUIRED, "Send If-Match with the ETag of the member"
                        + " as you last read it (GET /api/v1/members/" + id + "), so that no one's change is overwritten.");
            }
            return member;
        }
        if (!EntityTags.matches(ifMatch, member.getVersion())) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The member has changed since you read it"
                    + " (its ETag is now " + EntityTags.of(member.getVersion()) + "); fetch it again and reapply your change.");
        }
        return member;
    }

    /**
     * Checks a write body completely and reports every bad field at once: the constraints declared on
     * {@link MemberInput}, then the rules that need the database or span several fields.
     */
    private MemberInput validate(MemberInput raw) {
        if (raw == null) {
            throw ProblemException.invalid("body", "a JSON object describing the member is required");
        }
        MemberInput input = MemberMapper.normalized(raw);
        List<FieldError> errors = new ArrayList<>(Violations.fieldErrors(validator.validate(input)));
        if (input.name() != null && Folding.slug(input.name()).isEmpty()) {
            errors.add(new FieldError("name", "must contain at least one letter or digit"));
        }
        if (input.municipality() != null && municipalities.findById(input.municipality()) == null) {
            errors.add(new FieldError("municipality", "unknown municipality code '" + input.municipality()
                    + "'; see /api/v1/municipalities"));
        }
        checkList(errors, "serviceArea", input.serviceArea(), code -> municipalities.findById(code) != null,
                "unknown municipality code", "/api/v1/municipalities");
        checkList(errors, "skills", input.skills(), slug -> skills.findById(slug) != null, "unknown skill", "/api/v1/skills");
        checkList(errors, "languages", input.languages(), Languages::isKnown, "unknown language code",
                "ISO 639-1, or ISO 639-3 where no two-letter code exists");
        if (input.organisationNumber() != null) {
            if (input.type() != MemberType.AGENCY) {
                errors.add(new FieldError("organisationNumber", "only agencies have an organisation number"));
            } else {
                String problem = OrganisationNumber.problem(input.organisationNumber());
                if (problem != null) {
                    errors.add(new FieldError("organisationNumber", problem));
                }
            }
        }
        if (input.type() != MemberType.STUDENT) {
            if (input.school() != null) {
                errors.add(new FieldError("school", "only students have a school"));
            }
            if (input.graduationYear() != null) {
                errors.add(new FieldError("graduationYear", "only students have a graduation year"));
            }
        } else if (input.foundedYear() != null) {
            errors.add(new FieldError("foundedYear", "students have no founding year"));
        }
        if (input.foundedYear() != null && input.foundedYear() > now().atZone(clock.getZone()).getYear()) {
            errors.add(new FieldError("foundedYear", "cannot be in the future"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Violations.BY_FIELD);
            throw ProblemException.invalid(errors);
        }
        return input;
    }

    private static <T> void checkList(List<FieldError> errors, String field, List<T> values, Predicate<T> known,
            String unknownLabel, String where) {
        if (values == null) {
            return;
        }
        Set<T> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            T value = values.get(i);
            if (value == null) {
                continue;
            }
            if (!seen.add(value)) {
                errors.add(new FieldError(field + "[" + i + "]", "'" + value + "' is listed twice"));
            } else if (!known.test(value)) {
                errors.add(new FieldError(field + "[" + i + "]", unknownLabel + " '" + value + "'; see " + where));
            }
        }
    }

    /** The name's slug, or the first free one with a numeric suffix: asa-oberg-design, asa-oberg-design-2, … */
    private String freeSlug(String name) {
        String base = Folding.slug(name);
        if (base.isEmpty()) {
            base = FALLBACK_SLUG;
        }
        Set<String> taken = new HashSet<>(members.slugsStartingWith(base));
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2;; n++) {
            String suffix = "-" + n;
            String candidate = base.substring(0, Math.min(base.length(), MAX_SLUG_LENGTH - suffix.length()))
                    .replaceAll("-+$", "") + suffix;
            if (!taken.contains(candidate) && (candidate.startsWith(base) || members.findBySlug(candidate).isEmpty())) {
                return candidate;
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Optional<UUID> parseUuid(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
