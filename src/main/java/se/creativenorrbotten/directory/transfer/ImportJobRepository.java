package se.creativenorrbotten.directory.transfer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    /** The first {@code limit} problems of a job, by row. */
    public List<ImportProblem> problems(UUID job, int limit) {
        return getEntityManager().createQuery("from ImportProblem p where p.jobId = :job order by p.row, p.id", ImportProblem.class)
                .setParameter("job", job).setMaxResults(limit).getResultList();
    }

    /** Up to {@code limit} of a CSV job's failed rows as written, after row {@code after} (the header is row 1). */
    public List<ImportFailedRow> failedRows(UUID job, long after, int limit) {
        return getEntityManager().createQuery("from ImportFailedRow r where r.jobId = :job and r.row > :after"
                + " order by r.row, r.id", ImportFailedRow.class).setParameter("job", job).setParameter("after", after)
                .setMaxResults(limit).getResultList();
    }

    /** A job's problems on rows {@code from} to {@code to}, by row. */
    public List<ImportProblem> problems(UUID job, long from, long to) {
        return getEntityManager().createQuery("from ImportProblem p where p.jobId = :job and p.row between :from and :to"
                + " order by p.row, p.id", ImportProblem.class).setParameter("job", job).setParameter("from", from)
                .setParameter("to", to).getResultList();
    }

    public long countProblems(UUID job) {
        return getEntityManager().createQuery("select count(p) from ImportProblem p where p.jobId = :job", Long.class)
                .setParameter("job", job).getSingleResult();
    }

    /** Deletes the jobs that ended before {@code before}, their problems and failed rows with them; answers how many. */
    public long deleteEndedBefore(Instant before) {
        return delete("finishedAt < ?1", before);
    }

    /**
     * Jobs a stop left queued or running, when this instance is the only one on the database (H2): their files are
     * gone with the process, so they can never finish.
     */
    public int failInterrupted(Instant now) {
        return failUnfinished("", now, null, null);
    }

    /**
     * Jobs left queued or running by an instance that went quiet (several instances on one database): not this
     * instance's, and not heard of since {@code quietSince} (or of a release that did not say).
     */
    public int failAbandoned(String me, Instant quietSince, Instant now) {
        return failUnfinished(" and (j.owner is null or j.owner <> :me) and (j.heartbeatAt is null"
                + " or j.heartbeatAt < :quietSince)", now, me, quietSince);
    }

    private int failUnfinished(String which, Instant now, String me, Instant quietSince) {
        var update = getEntityManager().createQuery("update ImportJob j set j.status = :failed, j.finishedAt = :now,"
                + " j.note = 'The service stopped before the job finished; run the import again (a row-by-row import may"
                + " have stored some rows: use mode=upsert).' where j.status in (:queued, :running)" + which)
                .setParameter("failed", ImportJobStatus.FAILED).setParameter("now", now)
                .setParameter("queued", ImportJobStatus.QUEUED).setParameter("running", ImportJobStatus.RUNNING);
        if (me != null) {
            update.setParameter("me", me).setParameter("quietSince", quietSince);
        }
        return update.executeUpdate();
    }

    /** Says that this instance is alive for its unfinished jobs; answers how many. */
    public int beat(String me, Instant now) {
        return getEntityManager().createQuery("update ImportJob j set j.heartbeatAt = :now where j.owner = :me"
                + " and j.status in (:queued, :running)")
                .setParameter("now", now).setParameter("me", me)
                .setParameter("queued", ImportJobStatus.QUEUED).setParameter("running", ImportJobStatus.RUNNING)
                .executeUpdate();
    }
}
