package se.creativenorrbotten.directory.member;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.common.json.JsonBodies;
import se.creativenorrbotten.directory.common.json.MergePatch;
import se.creativenorrbotten.directory.common.paging.PageRequest;
import se.creativenorrbotten.directory.common.persistence.DatabaseUnavailable;
import se.creativenorrbotten.directory.common.persistence.TimeOrderedIds;
import se.creativenorrbotten.directory.common.problem.FieldError;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.problem.ProblemType;
import se.creativenorrbotten.directory.common.problem.Violations;
import se.creativenorrbotten.directory.common.text.Folding;
import se.creativenorrbotten.directory.common.text.Names;
import se.creativenorrbotten.directory.member.dto.HistoryEntryView;
import se.creativenorrbotten.directory.member.dto.HistoryPage;
import se.creativenorrbotten.directory.member.dto.MemberExport;
import se.creativenorrbotten.directory.member.dto.MemberInput;
import se.creativenorrbotten.directory.member.dto.MemberView;
import se.creativenorrbotten.directory.member.dto.PublicMemberView;
import se.creativenorrbotten.directory.taxonomy.Languages;
import se.creativenorrbotten.directory.taxonomy.MunicipalityRepository;
import se.creativenorrbotten.directory.taxonomy.SkillRepository;

/**
 * Every read and write of members goes through here: the business rules, the transaction boundary,
 * optimistic concurrency, the change sequence, the listing's status, its history and the consent log.
 * Each write records who made it ({@code actor}: a curator's user name, or {@link #APPLICANT}).
 */
@ApplicationScoped
public class MemberService {

    /** The directory's time zone: feature dates are Swedish days. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    /** The actor of a self-submitted application. */
    public static final String APPLICANT = "applicant";
    public static final String CONTROLLER = "Creative Norrbotten member directory";
    private static final int MAX_FEATURE_DAYS = 366;

    private static final String FALLBACK_SLUG = "member";
    /** Slugs that name routes under /api/v1/members (GET /members/changes, /members/suggest): never a member's. */
    static final Set<String> RESERVED_SLUGS = Set.of("changes", "suggest");
    private static final int MAX_SLUG_LENGTH = 80;
    /** The longest reason a status may have (member.status_reason). */
    private static final int MAX_REASON_LENGTH = 1000;
    /** Attempts that pick a numbered slug (among the first 1, 2, 4, … 64 free ones); later ones add a random suffix. */
    private static final int NUMBERED_SLUG_ATTEMPTS = 7;
    private static final int MAX_CREATE_ATTEMPTS = 12;
    private static final int RANDOM_SUFFIX_LENGTH = 6;
    /** The one form of a member id that {@code GET /members/{idOrSlug}} reads as an id; no slug ever has it. */
    private static final Pattern ID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final MemberRepository members;
    private final HistoryRepository history;
    private final ConsentRepository consents;
    private final SkillRepository skills;
    private final MunicipalityRepository municipalities;
    private final Validator validator;
    private final ObjectMapper json;
    private final Event<MemberWritten> written;
    private final Clock clock;

    public MemberService(MemberRepository members, HistoryRepository history, ConsentRepository consents,
            SkillRepository skills, MunicipalityRepository municipalities, Validator validator, ObjectMapper json,
            Event<MemberWritten> written, Clock clock) {
        this.members = members;
        this.history = history;
        this.consents = consents;
        this.skills = skills;
        this.municipalities = municipalities;
        this.validator = validator;
        this.json = json;
        this.written = written;
        this.clock = clock;
    }

    /** A published member by id or by slug, as the public sees it; any other status does not exist for the public (404). */
    public PublicMemberView getPublic(String idOrSlug) {
        Member member = find(idOrSlug);
        if (member.getStatus() != MemberStatus.PUBLISHED) {
            throw notFound(idOrSlug);
        }
        // The public view has no consents: no need to read them.
        return MemberMapper.toPublic(member, today());
    }

    /** The full record, by id or by slug (curators). */
    public MemberView get(String idOrSlug) {
        return view(find(idOrSlug));
    }

    /**
     * Up to {@code size} members of the selection in id order after {@code after} (null: from the first), for an
     * export that reads the directory batch by batch. The transaction is for memory, not for writing: it ends with
     * the batch, and the session with it lets go of the members read, so an export of any size holds one batch.
     */
    @Transactional
    public List<MemberView> batch(MemberSelection selection, UUID after, int size) {
        List<Member> batch = members.batch(selection, after, size);
        Map<UUID, Collection<MemberConsent>> inForce = consents.current(
                batch.stream().map(Member::getId).toList());
        return batch.stream().map(member -> view(member, inForce.getOrDefault(member.getId(), List.of()))).toList();
    }

    /** Adds a member for a curator: published at once, or pending to be reviewed like an application. */
    public MemberView create(MemberInput input, MemberStatus status, String actor) {
        return create(input, status, actor, ConsentSource.CURATOR);
    }

    /** Adds a self-submitted application: pending, its consents recorded as given by the applicant. */
    public MemberView submit(MemberInput input) {
        return create(input, MemberStatus.PENDING, APPLICANT, ConsentSource.APPLICATION);
    }

    /**
     * Members created at once with the same name race for the same free slug, and the database's unique slug
     * decides. A loser's transaction is rolled back (PostgreSQL aborts a transaction at a unique violation)
     * and the create is retried in a new one, with a slug picked at random among the first free ones, a
     * window that doubles with each attempt (1, 2, 4, … 64), and after that with a random suffix
     * ({@link #freeSlug}). So any number of racing creates of one name all succeed in a few rounds.
     */
    private MemberView create(MemberInput input, MemberStatus status, String actor, ConsentSource source) {
        return racingForSlugs(attempt -> view(createOnce(input, status, null, null, actor, source, attempt, null)));
    }

    /**
     * Runs {@code work} in a new transaction, and again in another while it loses a race for a slug (its attempt
     * number tells {@link #freeSlug} how widely to look), up to {@value #MAX_CREATE_ATTEMPTS} attempts: for the
     * creates of the API and of an import's rows written one by one. A write that waited too long for a slug another
     * transaction holds ({@link DatabaseUnavailable#isBusy}: on H2 a bulk import holds the numbered slugs of a name
     * until its chunk commits, and they cannot be seen before) takes a random suffix next. Anything else it throws is
     * thrown.
     */
    public <T> T racingForSlugs(IntFunction<T> work) {
        for (int attempt = 1;; attempt++) {
            int thisAttempt = attempt;
            try {
                return QuarkusTransaction.requiringNew().call(() -> work.apply(thisAttempt));
            } catch (RuntimeException e) {
                boolean held = DatabaseUnavailable.isBusy(e);
                if (attempt >= MAX_CREATE_ATTEMPTS || !(held || slugTaken(e))) {
                    throw e;
                }
                if (held) {
                    attempt = Math.max(attempt, NUMBERED_SLUG_ATTEMPTS);
                }
            }
        }
    }

    /** A member just created, with the consents given with it (no need to read them back). */
    private record Created(Member member, List<MemberConsent> given) {
    }

    private static MemberView view(Created created) {
        return view(created.member(), created.given());
    }

    /**
     * Creates a member with {@code status} (and its reason, if any) under {@code wantedSlug} when that is a slug
     * ({@link #isSlug}) no member has, else under a free slug from its name. In an import's {@code chunk} (else
     * null) the slugs and names are looked up there, and the writes are flushed with the chunk's.
     */
    private Created createOnce(MemberInput raw, MemberStatus status, String statusReason, String wantedSlug,
            String actor, ConsentSource source, int attempt, ImportChunk chunk) {
        MemberInput input = validate(raw, chunk);
        String why = reason(statusReason, status, "statusReason");
        refuseLookAlike(input.name(), null, source == ConsentSource.APPLICATION, chunk);
        Instant now = now();
        String slug = attempt <= NUMBERED_SLUG_ATTEMPTS && isSlug(wantedSlug) && !slugTaken(wantedSlug, chunk) ? wantedSlug
                : freeSlug(input.name(), attempt, chunk);
        // In creation order: the member's table, and its lists', history's and consents' indexes, grow at their end.
        // The order tells when each was created, which its createdAt tells anyone already.
        Member member = new Member(TimeOrderedIds.next(now), slug, now);
        MemberMapper.apply(input, member);
        member.setStatus(status, why);
        member.touch(now, members.nextChangeSeq());
        members.persist(member);
        record(member, now, actor, source == ConsentSource.APPLICATION ? HistoryAction.SUBMITTED : HistoryAction.CREATED,
                "status", null, status, why);
        // A new member's consents are the ones given here: no need to read them back.
        List<MemberConsent> given = new ArrayList<>(2);
        given.add(consent(member, now, actor, source, MemberConsent.CONTACT_PUBLIC, member.isContactPublic()));
        if (source == ConsentSource.APPLICATION) {
            // The applicant confirmed the privacy notice (ApplicationService refuses an application without it).
            given.add(consent(member, now, actor, source, MemberConsent.PRIVACY_NOTICE, true));
        }
        announce(member, chunk);
        return new Created(member, given);
    }

    /** True when a member has the slug: the chunk's knowledge in an import's chunk, else the database's. */
    private boolean slugTaken(String slug, ImportChunk chunk) {
        return chunk != null ? chunk.slugTaken(slug) : members.findBySlug(slug).isPresent();
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
    public MemberView replace(UUID id, String ifMatch, MemberInput input, String actor) {
        Member member = findForWrite(id, ifMatch, true);
        MemberInput valid = validate(input);
        asMatched(id, () -> save(member, valid, actor, ConsentSource.CURATOR, null));
        return view(member);
    }

    /** What an imported row did. */
    public enum Imported {
        CREATED, UPDATED
    }

    /**
     * Writes one row of an admin's bulk import in the caller's transaction (the import decides: one per row, or
     * one for all), by the rules, history and consent log of any write; its consents are recorded with source
     * {@link ConsentSource#IMPORT}. With {@code upsert} the member with the row's slug, else with its organisation
     * number, is updated: each property the row carries ({@code carried}) replaces the stored one (a list as a
     * whole), the others stay, and so does its status. No match (or no upsert) creates a member with
     * {@code status} and {@code statusReason}, under the row's slug when it is free (an exported directory imported
     * again keeps its addresses). A bad row throws a {@link ProblemException} before anything is written, so the caller's
     * transaction stays usable for the next row. In a {@code chunk} of rows ({@link #importChunk}, else null) the row's
     * writes wait for the caller's flush. A row written on its own is retried through {@link #racingForSlugs} when a
     * racing write takes its slug, {@code attempt} telling which try this is (1 in a chunk).
     */
    public Imported importRow(MemberInput input, Set<String> carried, String slug, MemberStatus status,
            String statusReason, String actor, boolean upsert, ImportChunk chunk, int attempt) {
        Member match = upsert ? match(input, slug) : null;
        if (match == null) {
            createOnce(input, status, statusReason, slug, actor, ConsentSource.IMPORT, attempt, chunk);
            return Imported.CREATED;
        }
        JsonNode row = json.valueToTree(input);
        com.fasterxml.jackson.databind.node.ObjectNode merged = json.valueToTree(MemberMapper.toInput(match));
        for (String field : carried) {
            JsonNode value = row.get(field);
            if (value == null || value.isNull()) {
                merged.remove(field);
            } else {
                merged.set(field, value);
            }
        }
        save(match, validate(JsonBodies.bind(json, merged, MemberInput.class), chunk), actor, ConsentSource.IMPORT, chunk);
        return Imported.UPDATED;
    }

    /**
     * Reads at once what the rows of an import's chunk, written next in the caller's transaction, need to know of the
     * directory: whether the slugs they ask for or would take from their names are taken, and the members whose names
     * look like theirs (null entries: rows without a member or a slug).
     */
    public ImportChunk importChunk(List<MemberInput> inputs, List<String> slugs) {
        Set<String> candidates = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (MemberInput input : inputs) {
            String name = input == null ? null : Names.normalize(input.name());
            if (name != null && !name.isBlank()) {
                candidates.add(slugBase(name));
                keys.add(Names.skeletonKey(name));
            }
        }
        for (String slug : slugs) {
            if (isSlug(slug)) {
                candidates.add(slug);
            }
        }
        ImportChunk.Codes codes = new ImportChunk.Codes(Set.copyOf(municipalities.codes()), Set.copyOf(skills.slugs()));
        return new ImportChunk(members, codes, candidates, members.takenSlugs(candidates), keys, members.namedLike(keys));
    }

    /** The member an upserted row names: by its slug, else by its organisation number (which must name only one). */
    private Member match(MemberInput input, String slug) {
        if (slug != null && !slug.isBlank()) {
            Optional<Member> bySlug = members.findBySlug(slug.strip());
            if (bySlug.isPresent()) {
                return bySlug.get();
            }
        }
        String number = input == null ? null : MemberMapper.normalized(input).organisationNumber();
        if (number == null) {
            return null;
        }
        List<Member> byNumber = members.findByOrganisationNumber(number, 2);
        if (byNumber.size() > 1) {
            throw new ProblemException(ProblemType.CONFLICT, "More than one member has the organisation number " + number
                    + "; give the slug of the one to update.", List.of(new FieldError("organisationNumber",
                            "more than one member has it; add the slug of the one to update")));
        }
        return byNumber.isEmpty() ? null : byNumber.get(0);
    }

    /** Applies an RFC 7396 merge patch to the member as its write body, then validates the result like a PUT. */
    @Transactional
    public MemberView patch(UUID id, String ifMatch, String body, String actor) {
        Member member = findForWrite(id, ifMatch, true);
        JsonNode patch = JsonBodies.object(json, body, "A merge patch");
        JsonNode patched = MergePatch.apply(json.valueToTree(MemberMapper.toInput(member)), patch);
        MemberInput valid = validate(JsonBodies.bind(json, patched, MemberInput.class));
        asMatched(id, () -> save(member, valid, actor, ConsentSource.CURATOR, null));
        return view(member);
    }

    /**
     * Erases a member (GDPR art. 17): the member and everything personal about them go for good, in one
     * transaction. What remains: a tombstone (id and time) for partner sites to sync the deletion, and
     * the history's record of who did what when, scrubbed of every value and reason.
     */
    @Transactional
    public void delete(UUID id, String ifMatch, String actor) {
        Member member = findForWrite(id, ifMatch, false);
        Instant now = now();
        consents.erase(id);
        members.delete(member);
        history.scrub(id);
        record(member, now, actor, HistoryAction.ERASED, null, null, null, null);
        members.getEntityManager().persist(new MemberTombstone(member.getId(), now, members.nextChangeSeq()));
        if (ifMatch == null || ifMatch.isBlank()) {
            members.flush();
        } else {
            asMatched(id, members::flush);
        }
        written.fire(MemberWritten.of(id));
    }

    /** Moves a member to another status, if the workflow allows it; the reason is required to reject. */
    @Transactional
    public MemberView changeStatus(UUID id, MemberStatus target, String reason, String actor) {
        Member member = findForWrite(id, null, false);
        String why = reason(reason, target, "reason");
        MemberStatus from = member.getStatus();
        Set<MemberStatus> allowed = from.next();
        if (!allowed.contains(target)) {
            String instead = allowed.isEmpty() ? from.code() + " is final."
                    : "from " + from.code() + " it can only be " + allowed.stream().map(next -> HistoryAction.into(next).code())
                            .sorted().collect(java.util.stream.Collectors.joining(" or ")) + ".";
            throw new ProblemException(ProblemType.INVALID_TRANSITION, "A " + from.code() + " member cannot be "
                    + HistoryAction.into(target).code() + "; " + instead);
        }
        long changeSeq = members.nextChangeSeq();
        Instant now = now();
        MemberMapper.PublicContent seen = MemberMapper.publicContent(member, today());
        member.setStatus(target, target == MemberStatus.PUBLISHED ? null : why);
        if (target != MemberStatus.PUBLISHED) {
            member.setFeaturedUntil(null);
        }
        record(member, now, actor, HistoryAction.into(target), "status", from, target, why);
        return touched(member, now, changeSeq, seen);
    }

    /** Features a published member through {@code lastDay} (Swedish time); the feature ends by itself. */
    @Transactional
    public MemberView feature(UUID id, LocalDate lastDay, String actor) {
        Member member = findForWrite(id, null, false);
        LocalDate today = today();
        if (lastDay == null) {
            throw ProblemException.invalid("until", "the last day to feature the member is required");
        }
        if (lastDay.isBefore(today) || lastDay.isAfter(today.plusDays(MAX_FEATURE_DAYS))) {
            throw ProblemException.invalid("until", "must be from today (" + today + ") to at most a year ahead ("
                    + today.plusDays(MAX_FEATURE_DAYS) + ")");
        }
        if (member.getStatus() != MemberStatus.PUBLISHED) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION, "Only a published member can be featured; this one is "
                    + member.getStatus().code() + ".");
        }
        return setFeature(member, MemberMapper.featuredEnd(lastDay), HistoryAction.FEATURED, actor);
    }

    /** Ends a member's feature now. */
    @Transactional
    public MemberView unfeature(UUID id, String actor) {
        Member member = findForWrite(id, null, false);
        return setFeature(member, null, HistoryAction.UNFEATURED, actor);
    }

    /** Sets when the feature ends; featuring through the day already set, or ending no feature, changes nothing. */
    private MemberView setFeature(Member member, Instant end, HistoryAction action, String actor) {
        if (Objects.equals(end, member.getFeaturedUntil())) {
            return view(member);
        }
        long changeSeq = members.nextChangeSeq();
        Instant now = now();
        MemberMapper.PublicContent seen = MemberMapper.publicContent(member, today());
        LocalDate before = MemberMapper.lastFeaturedDay(member.getFeaturedUntil());
        member.setFeaturedUntil(end);
        record(member, now, actor, action, "featuredUntil", before, MemberMapper.lastFeaturedDay(end), null);
        return touched(member, now, changeSeq, seen);
    }

    /** A member's history, newest first (curators). */
    public HistoryPage history(UUID id, PageRequest page) {
        find(id.toString());
        List<HistoryEntryView> items = history.page(id, page.page(), page.size()).stream()
                .map(entry -> MemberMapper.toView(entry, json)).toList();
        return new HistoryPage(items, page.page(), page.size(), history.countOf(id));
    }

    /** Everything held about a member: the full record, the consent log and the whole history (GDPR art. 15, 20). */
    public MemberExport export(UUID id) {
        Member member = find(id.toString());
        List<MemberConsent> log = consents.all(id);
        return new MemberExport(now(), CONTROLLER, view(member, ConsentRepository.inForce(log)),
                log.stream().map(MemberMapper::toView).toList(),
                history.all(id).stream().map(entry -> MemberMapper.toView(entry, json)).toList());
    }

    /**
     * Writes a PUT, a PATCH or an imported row (in an import's {@code chunk}, else null). A write that would store what
     * is stored already changes nothing: no new version, date, history, change-sequence place or public version, so
     * other curators' If-Match stays valid.
     */
    private void save(Member member, MemberInput input, String actor, ConsentSource source, ImportChunk chunk) {
        MemberInput stored = MemberMapper.toInput(member);
        Member wanted = new Member();
        MemberMapper.apply(input, wanted);
        if (stored.equals(MemberMapper.toInput(wanted))) {
            return;
        }
        if (!wanted.getName().equals(member.getName())) {
            refuseLookAlike(wanted.getName(), member.getId(), false, chunk);
        }
        long changeSeq = members.nextChangeSeq();
        MemberMapper.PublicContent seen = MemberMapper.publicContent(member, today());
        JsonNode before = json.valueToTree(stored);
        boolean consented = member.isContactPublic();
        MemberMapper.apply(input, member);
        Instant now = now();
        JsonNode after = json.valueToTree(MemberMapper.toInput(member));
        for (Iterator<String> fields = after.fieldNames(); fields.hasNext();) {
            String field = fields.next();
            JsonNode old = before.get(field);
            JsonNode value = after.get(field);
            if (!Objects.equals(old, value)) {
                record(member, now, actor, HistoryAction.UPDATED, field, old, value, null);
            }
        }
        if (consented != member.isContactPublic()) {
            consent(member, now, actor, source, MemberConsent.CONTACT_PUBLIC, member.isContactPublic());
        }
        recordChange(member, now, changeSeq, seen, chunk);
    }

    /** Records a change made at {@code now} and answers the member as it is now. */
    private MemberView touched(Member member, Instant now, long changeSeq, MemberMapper.PublicContent seenBefore) {
        recordChange(member, now, changeSeq, seenBefore, null);
        return view(member);
    }

    /**
     * Records a change made at {@code now}: a new version, date and place in the change sequence, and a new public
     * version only when what the public sees changed. Every write of an existing member ends here, in an import's
     * {@code chunk} or not (null).
     */
    private void recordChange(Member member, Instant now, long changeSeq, MemberMapper.PublicContent seenBefore,
            ImportChunk chunk) {
        if (!seenBefore.equals(MemberMapper.publicContent(member, today()))) {
            member.publicChanged(now);
        }
        member.touch(now, changeSeq);
        announce(member, chunk);
    }

    /**
     * Tells the member's observers (the search index) of its write: flushed at once and followed before the commit
     * returns, or, in an import's {@code chunk}, noted there, flushed with the chunk's writes and followed in bulk.
     */
    private void announce(Member member, ImportChunk chunk) {
        if (chunk == null) {
            members.flush();
            written.fire(MemberWritten.of(member.getId()));
        } else {
            chunk.written(member);
            written.fire(MemberWritten.inBulk(member.getId()));
        }
    }

    /**
     * Gives a member stored before slugs could have the form of a member id ({@link #looksLikeId}) a slug that
     * does not ({@link MemberUpgrade}), in the caller's transaction; answers the new slug.
     */
    String replaceIdLikeSlug(UUID id) {
        Member member = members.findById(id);
        long changeSeq = members.nextChangeSeq();
        MemberMapper.PublicContent seen = MemberMapper.publicContent(member, today());
        member.setSlug(freeSlug(FALLBACK_SLUG + " " + member.getSlug(), 1, null));
        recordChange(member, now(), changeSeq, seen, null);
        return member.getSlug();
    }

    private MemberView view(Member member) {
        return view(member, consents.current(member.getId()));
    }

    private static MemberView view(Member member, java.util.Collection<MemberConsent> inForce) {
        return MemberMapper.toView(member, inForce.stream().map(MemberMapper::toView).toList());
    }

    /** Adds a history line; values are kept as JSON text (null or JSON null: none). */
    private void record(Member member, Instant at, String actor, HistoryAction action, String field, Object oldValue,
            Object newValue, String reason) {
        history.persist(new HistoryEntry(member.getId(), at, actor, action, field, jsonText(oldValue), jsonText(newValue),
                reason));
    }

    private String jsonText(Object value) {
        JsonNode node = value instanceof JsonNode given ? given : json.valueToTree(value);
        return node == null || node.isNull() || node.isMissingNode() ? null : node.toString();
    }

    private MemberConsent consent(Member member, Instant at, String actor, ConsentSource source, String kind, boolean given) {
        MemberConsent consent = new MemberConsent(member.getId(), kind, given, at, source, actor);
        consents.persist(consent);
        return consent;
    }

    /** A status's reason, cleaned and checked against the status (a rejection needs one); {@code field} names it. */
    private static String reason(String reason, MemberStatus status, String field) {
        String why = reason == null || reason.isBlank() ? null : Folding.clean(reason);
        if (status == MemberStatus.REJECTED && why == null) {
            throw ProblemException.invalid(field, "a rejection needs a reason");
        }
        if (why != null && why.length() > MAX_REASON_LENGTH) {
            throw ProblemException.invalid(field, "must be at most " + MAX_REASON_LENGTH + " characters");
        }
        return why;
    }

    /** True for a slug as the directory makes them: folded, at most 80 characters, not an id's form, not reserved. */
    static boolean isSlug(String text) {
        return text != null && !text.isEmpty() && text.length() <= MAX_SLUG_LENGTH && Folding.slug(text).equals(text)
                && !looksLikeId(text) && !RESERVED_SLUGS.contains(text);
    }

    /** By id when {@code idOrSlug} has the canonical form of one (8-4-4-4-12 hex digits), else by slug. */
    private Member find(String idOrSlug) {
        Optional<Member> member = looksLikeId(idOrSlug) ? members.findByIdOptional(UUID.fromString(idOrSlug))
                : members.findBySlug(idOrSlug);
        return member.orElseThrow(() -> notFound(idOrSlug));
    }

    /** True when the text has the one form {@code GET /members/{idOrSlug}} reads as a member id; no slug has it. */
    static boolean looksLikeId(String text) {
        return text != null && ID_FORM.matcher(text).matches();
    }

    /**
     * Refuses a name that looks like another member's without being the same (Names#skeleton): a Cyrillic
     * 'а' for a Latin 'a', "rn" for "m". The same name twice is allowed (the slug tells them apart). The
     * other member's slug is named, except to the public when that member is not public.
     */
    private void refuseLookAlike(String name, UUID self, boolean publicCaller, ImportChunk chunk) {
        Optional<ImportChunk.Named> other = chunk != null ? chunk.lookAlike(name, self)
                : members.lookAlike(Names.skeletonKey(name), name, self).map(ImportChunk.Named::of);
        if (other.isEmpty()) {
            return;
        }
        ImportChunk.Named existing = other.get();
        String whose = publicCaller && existing.status() != MemberStatus.PUBLISHED ? "another member's"
                : "the name of the member '" + existing.slug() + "'";
        String detail = "The name looks like " + whose + " but is written with other characters; use the same"
                + " spelling, or a name that can be told apart.";
        throw new ProblemException(ProblemType.CONFLICT, detail, List.of(new FieldError("name", "looks like " + whose)));
    }

    private static ProblemException notFound(String idOrSlug) {
        return ProblemException.notFound("There is no member '" + idOrSlug + "'.");
    }

    /**
     * Loads a member for a write and checks the caller's If-Match against its version, so that a
     * write based on a stale read fails instead of overwriting. A concurrent write that commits between
     * this check and ours is caught by the version column: 412 for a write with If-Match ({@link #asMatched}),
     * 409 for one without.
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
     * Writes (and flushes) what a caller's If-Match allowed: when another write overtook it between the check in
     * {@link #findForWrite} and this flush, the version column refuses it, and the precondition has failed after all
     * (412, as if the other write had come first), not a conflict.
     */
    private void asMatched(UUID id, Runnable write) {
        try {
            write.run();
        } catch (OptimisticLockException overtaken) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The member was changed by someone else while"
                    + " your write was made; fetch it again (GET /api/v1/members/" + id + ") and reapply your change.");
        }
    }

    /**
     * Checks a write body completely and reports every bad field at once: the constraints declared on
     * {@link MemberInput}, then the rules that need the database or span several fields.
     */
    private MemberInput validate(MemberInput raw) {
        return validate(raw, null);
    }

    /** {@link #validate(MemberInput)}, looking the taxonomy up in an import's {@code chunk} (null: in the database). */
    private MemberInput validate(MemberInput raw, ImportChunk chunk) {
        Predicate<String> knownMunicipality = chunk != null ? chunk::knownMunicipality
                : code -> municipalities.findById(code) != null;
        Predicate<String> knownSkill = chunk != null ? chunk::knownSkill : slug -> skills.findById(slug) != null;
        return validate(raw, validator, knownMunicipality, knownSkill, now().atZone(clock.getZone()).getYear());
    }

    /**
     * {@link #validate(MemberInput)} with the taxonomy's lookups and this year given: the same rules without a
     * database, for the fuzz tests (MemberBodyFuzzTest).
     */
    static MemberInput validate(MemberInput raw, Validator validator, Predicate<String> knownMunicipality,
            Predicate<String> knownSkill, int thisYear) {
        if (raw == null) {
            throw ProblemException.invalid("body", "a JSON object describing the member is required");
        }
        MemberInput input = MemberMapper.normalized(raw);
        List<FieldError> errors = new ArrayList<>(Violations.fieldErrors(validator.validate(input)));
        if (input.name() != null && Folding.slug(input.name()).isEmpty()) {
            errors.add(new FieldError("name", "must contain at least one letter or digit"));
        }
        String mixed = Names.mixedScriptWord(input.name());
        if (mixed != null) {
            errors.add(new FieldError("name", "the word '" + mixed + "' mixes Latin, Cyrillic or Greek letters;"
                    + " write each word in one alphabet"));
        }
        if (input.municipality() != null && !knownMunicipality.test(input.municipality())) {
            errors.add(new FieldError("municipality", "unknown municipality code '" + input.municipality()
                    + "'; see /api/v1/municipalities"));
        }
        checkList(errors, "serviceArea", input.serviceArea(), knownMunicipality, "unknown municipality code",
                "/api/v1/municipalities");
        checkList(errors, "skills", input.skills(), knownSkill, "unknown skill", "/api/v1/skills");
        checkList(errors, "languages", input.languages(), Languages::isKnown, "unknown language code",
                "ISO 639-1, or ISO 639-3 where no two-letter code exists");
        // Jackson has refused an unknown opportunity already (naming seeks[i]); what is left is a repeat.
        checkList(errors, "seeks", input.seeks(), opportunity -> true, "unknown opportunity", "Opportunity");
        checkList(errors, "offers", input.offers(), opportunity -> true, "unknown opportunity", "Opportunity");
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
        if (input.foundedYear() != null && input.foundedYear() > thisYear) {
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
                errors.add(new FieldError(field + "[" + i + "]", "'" + (value instanceof Coded coded ? coded.code() : value)
                        + "' is listed twice"));
            } else if (!known.test(value)) {
                errors.add(new FieldError(field + "[" + i + "]", unknownLabel + " '" + value + "'; see " + where));
            }
        }
    }

    /**
     * A free slug for the name: the name's slug, else one with a numeric suffix (asa-oberg-design-2, -3, …).
     * The first attempt takes the first free one; a retry after losing a race picks at random among the first
     * 2, 4, … 64 free ones, so that racing creates spread out, and after {@value #NUMBERED_SLUG_ATTEMPTS}
     * attempts a random suffix is added. A slug never has the form of a member id ({@link #looksLikeId}):
     * a name that would give one gets the prefix "member-". Nor is it a {@link #RESERVED_SLUGS reserved} one
     * ("Changes" gets changes-2).
     */
    private String freeSlug(String name, int attempt, ImportChunk chunk) {
        String base = slugBase(name);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (attempt > NUMBERED_SLUG_ATTEMPTS) {
            StringBuilder suffix = new StringBuilder("-");
            for (int i = 0; i < RANDOM_SUFFIX_LENGTH; i++) {
                suffix.append(Character.forDigit(random.nextInt(36), 36));
            }
            return suffixed(base, suffix.toString());
        }
        if (attempt == 1 && !RESERVED_SLUGS.contains(base) && !slugTaken(base, chunk)) {
            return base; // the common case, by the slug's unique index: no look at the numbered ones
        }
        int window = 1 << Math.max(0, attempt - 1);
        // The query flushes the session first: it sees the slugs an import's chunk has written so far.
        Set<String> taken = new HashSet<>(members.slugsStartingWith(base));
        taken.addAll(RESERVED_SLUGS);
        List<String> free = new ArrayList<>(window);
        if (!taken.contains(base)) {
            free.add(base);
        }
        for (int n = 2; free.size() < window; n++) {
            String candidate = suffixed(base, "-" + n);
            if (!taken.contains(candidate) && !looksLikeId(candidate)
                    && (candidate.startsWith(base) || !slugTaken(candidate, chunk))) {
                free.add(candidate);
            }
        }
        return free.get(random.nextInt(free.size()));
    }

    /** The slug a name takes when it is free: its folded form, "member" when it has none, never an id's form. */
    private static String slugBase(String name) {
        String base = Folding.slug(name);
        if (base.isEmpty()) {
            return FALLBACK_SLUG;
        }
        return looksLikeId(base) ? FALLBACK_SLUG + "-" + base : base;
    }

    /** The base with the suffix, the base shortened to keep the slug within its 80 characters. */
    private static String suffixed(String base, String suffix) {
        return base.substring(0, Math.min(base.length(), MAX_SLUG_LENGTH - suffix.length())).replaceAll("-+$", "") + suffix;
    }

    private LocalDate today() {
        return clock.instant().atZone(ZONE).toLocalDate();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

}
