package se.creativenorrbotten.directory.member;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import se.creativenorrbotten.directory.common.paging.PageRequest;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.member.dto.MemberChange;
import se.creativenorrbotten.directory.member.dto.MemberChangePage;

/**
 * The partner feed over the change log: the members changed after a cursor, each once at its latest state, up to the
 * change log's safe point only, so that a transaction that commits late can never land behind a cursor already
 * handed out (a mirror would miss it for ever).
 */
@ApplicationScoped
public class MemberFeed {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;

    private final ChangeLog changeLog;
    private final MemberRepository members;
    private final Clock clock;
    private volatile String databaseId;

    public MemberFeed(ChangeLog changeLog, MemberRepository members, Clock clock) {
        this.changeLog = changeLog;
        this.members = members;
        this.clock = clock;
    }

    /** The changes after {@code since} (absent: from the beginning), at most {@code size} (1 to 1000, default 100). */
    public MemberChangePage changes(String since, String size) {
        try {
            return read(since, size);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the change log", e);
        }
    }

    private MemberChangePage read(String since, String size) throws SQLException {
        int limit = PageRequest.bounded("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        String database = databaseId();
        long after = since == null ? 0 : FeedCursor.decode(since, database).seq();
        long safe = changeLog.safePoint(); // first: every change up to it is visible to the read below
        if (after >= safe) {
            if (after > changeLog.latest()) {
                // The latest place never goes down: the database lost changes (restored from a backup), and new ones
                // would take places this cursor has passed.
                throw ProblemException.invalid(FeedCursor.PARAMETER, "the cursor is ahead of this directory's changes"
                        + " (its database was restored?); start again without since");
            }
            // Nothing settled after the cursor yet (or this instance knows less than the one that handed it out).
            return new MemberChangePage(List.of(), new FeedCursor(after, database).encode(), false);
        }
        List<ChangeLog.Change> changes = changeLog.page(after, safe, limit + 1);
        boolean more = changes.size() > limit;
        if (more) {
            changes = changes.subList(0, limit);
        }
        long next = more ? changes.get(changes.size() - 1).seq() : safe;
        return new MemberChangePage(items(changes), new FeedCursor(next, database).encode(), more);
    }

    /** Each change as the public sees the member now: its public view, or a delete when it is not public. */
    private List<MemberChange> items(List<ChangeLog.Change> changes) {
        List<UUID> written = changes.stream().filter(change -> !change.erased()).map(ChangeLog.Change::id).toList();
        Map<UUID, Member> current = written.isEmpty() ? Map.of()
                : members.list("id in ?1", written).stream().collect(Collectors.toMap(Member::getId, Function.identity()));
        LocalDate today = LocalDate.now(clock.withZone(MemberService.ZONE));
        List<MemberChange> items = new ArrayList<>(changes.size());
        for (ChangeLog.Change change : changes) {
            Member member = change.erased() ? null : current.get(change.id());
            if (member != null && member.getStatus() == MemberStatus.PUBLISHED) {
                items.add(MemberChange.upsert(MemberMapper.toPublic(member, today), member.getPublicUpdatedAt()));
            } else {
                // Erased, or not public (pending, rejected, archived); erased since the read, its tombstone follows.
                items.add(MemberChange.delete(change.id(), member != null ? member.getPublicUpdatedAt() : change.at()));
            }
        }
        return items;
    }

    private String databaseId() throws SQLException {
        String known = databaseId;
        if (known == null) {
            known = changeLog.databaseId();
            databaseId = known;
        }
        return known;
    }
}
