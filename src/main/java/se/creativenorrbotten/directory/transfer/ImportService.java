package se.creativenorrbotten.directory.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import se.creativenorrbotten.directory.DirectoryConfig;
import se.creativenorrbotten.directory.common.concurrent.Background;
import se.creativenorrbotten.directory.common.persistence.DatabaseKind;
import se.creativenorrbotten.directory.common.persistence.DatabaseUnavailable;
import se.creativenorrbotten.directory.common.problem.FieldError;
import se.creativenorrbotten.directory.common.problem.ProblemException;
import se.creativenorrbotten.directory.common.problem.ProblemType;
import se.creativenorrbotten.directory.member.BulkWritesEnded;
import se.creativenorrbotten.directory.member.ImportChunk;
import se.creativenorrbotten.directory.member.MemberService;
import se.creativenorrbotten.directory.member.MemberService.Imported;
import se.creativenorrbotten.directory.member.MemberWritten;
import se.creativenorrbotten.directory.transfer.dto.ImportJobView;
import se.creativenorrbotten.directory.transfer.dto.ImportProblemView;

/**
 * Bulk imports. The body goes to a temporary file as it arrives (never into memory), up to its own limit; then a
 * job is queued and answered at once, and one background worker runs the jobs one at a time. Each row goes through
 * {@link MemberService#importRow}, the write path of every member write (rules, history, consent log, change
 * sequence, index), in its own transaction, or all rows in one ({@code atomic}). A dry run writes each row as the
 * real run would, then rolls it back, so its report is the real run's. A chunk's members are indexed in the
 * background while the next chunk is written ({@link MemberWritten#inBulk}), and the job waits for the last of them
 * ({@link BulkWritesEnded}) before it says it is done: its members are searchable then.
 */
@ApplicationScoped
public class ImportService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(ImportService.class);
    /**
     * Rows written in one transaction by an import that is not all or nothing, and after which an all-or-nothing one
     * empties its session (memory stays flat); the job's counts are written after each. 200: what a chunk's
     * transaction holds until its commit (H2's uncommitted entries, the rows) outlives the young generation of a 150 MB
     * heap at 500 rows, and 100 rows make more commits and index refreshes (bench/README.md, issue 11).
     */
    private static final int CHUNK = 200;
    /** Rows after which a chunk's session is emptied. */
    private static final int CLEAR_EVERY = 25;
    private static final int ATOMIC_TIMEOUT_SECONDS = 3600;
    /** Failed rows read at a time for errors.csv. */
    private static final int ERRORS_PAGE = 500;
    private static final long SERVER_HEADROOM = 1024 * 1024;
    /** How long a shutdown waits for the running job to finish its row and commit before it interrupts it. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    /** How long a job that ends waits for the search index to follow its last chunks before it says it is done. */
    private static final Duration INDEX_WAIT = Duration.ofMinutes(5);
    /** The same for a job stopped by the shutdown: well within {@link #STOP_WAIT}. */
    private static final Duration STOPPED_INDEX_WAIT = Duration.ofSeconds(5);
    /** How often this instance says it is alive for its unfinished jobs, and looks for jobs of instances gone quiet. */
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    /** Unfinished jobs not heard of for this long belong to an instance that stopped: they are failed. */
    static final Duration ABANDONED_AFTER = HEARTBEAT.multipliedBy(4);
    /** Before the search index's ShutdownEvent observer (IndexFollower, APPLICATION + 900): what the job wrote is in its commit. */
    private static final int STOP_PRIORITY = jakarta.interceptor.Interceptor.Priority.APPLICATION + 100;

    private final ImportJobRepository jobs;
    private final MemberService members;
    private final Instance<RowFormat> formats;
    private final Event<BulkWritesEnded> bulkEnded;
    private final Clock clock;
    private final long maxBodySize;
    private final Duration keep;
    /** This start of the service, as the owner of the jobs it runs. */
    private final String instance = UUID.randomUUID().toString();
    /** Several instances may share the database (PostgreSQL), so another one's unfinished jobs may be running. */
    private final boolean sharedDatabase;
    private ExecutorService worker;
    private ScheduledExecutorService cleaner;
    /** The service is stopping: the running job ends after the row it is writing, queued ones do not start. */
    private volatile boolean stopping;

    public ImportService(ImportJobRepository jobs, MemberService members, Instance<RowFormat> formats,
            Event<BulkWritesEnded> bulkEnded, Clock clock, DirectoryConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize serverLimit, DatabaseKind database) {
        this.sharedDatabase = database.shared();
        this.jobs = jobs;
        this.members = members;
        this.formats = formats;
        this.bulkEnded = bulkEnded;
        this.clock = clock;
        this.maxBodySize = config.imports().maxBodySize().asLongValue();
        this.keep = config.imports().keep();
        if (serverLimit.asLongValue() < maxBodySize + SERVER_HEADROOM) {
            // The server would cut an oversized import off with a bare 413 before the import's own count answers.
            throw new IllegalStateException("quarkus.http.limits.max-body-size must be at least a megabyte above"
                    + " directory.imports.max-body-size");
        }
    }

    void onStart(@Observes StartupEvent start) {
        worker = Background.thread("import-jobs");
        // On H2 this is the only instance: every unfinished job was this data folder's last process's. On PostgreSQL
        // another instance may be running its jobs: only those whose instance went quiet are failed.
        int interrupted = QuarkusTransaction.requiringNew().call(() -> sharedDatabase
                ? jobs.failAbandoned(instance, now().minus(ABANDONED_AFTER), now()) : jobs.failInterrupted(now()));
        if (interrupted > 0) {
            LOG.warnf("%d import jobs were interrupted by the stop of the instance running them and are marked failed",
                    interrupted);
        }
        purge();
        cleaner = Background.scheduled("import-jobs-cleaner");
        cleaner.scheduleWithFixedDelay(this::purgeQuietly, 1, 1, TimeUnit.HOURS);
        if (sharedDatabase) {
            cleaner.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Deletes the jobs that ended longer ago than directory.imports.keep, their problems and failed rows with them. */
    long purge() {
        long gone = QuarkusTransaction.requiringNew().call(() -> jobs.deleteEndedBefore(now().minus(keep)));
        if (gone > 0) {
            LOG.infof("Deleted %d import jobs that ended more than %s ago, with their problems and failed rows", gone, keep);
        }
        return gone;
    }

    /** Says this instance is alive for its unfinished jobs, and fails the jobs of instances gone quiet. */
    private void heartbeat() {
        try {
            inNew(() -> jobs.beat(instance, now()));
            int abandoned = inNew(() -> jobs.failAbandoned(instance, now().minus(ABANDONED_AFTER), now()));
            if (abandoned > 0) {
                LOG.warnf("%d import jobs of an instance that stopped are marked failed", abandoned);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not renew the import jobs' heartbeat; the next one tries again", e);
        }
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warn("Could not delete old import jobs; the next hour tries again", e);
        }
    }

    /**
     * At shutdown, after the requests in flight have finished: the running job stops after the row it is writing (the
     * rows before it are committed, and indexed before the index's last commit; an all-or-nothing job rolls back),
     * queued jobs do not start, and each ends as failed with a note that says how far it got, instead of being found
     * running by the next start. The worker is waited for (up to {@link #STOP_WAIT}), not interrupted in the middle of
     * a write: an interrupt during the embedded H2 database's file access closes the database (its FileChannel).
     */
    void onStop(@Observes @Priority(STOP_PRIORITY) ShutdownEvent stop) {
        stop();
    }

    void stop() {
        stopping = true;
        if (cleaner != null) {
            cleaner.shutdown();
        }
        if (worker != null) {
            if (!Background.stop(worker, STOP_WAIT)) {
                LOG.warnf("The import job did not stop within %d s of the shutdown; interrupting it (the next start"
                        + " marks it failed)", STOP_WAIT.toSeconds());
                worker.shutdownNow();
            }
        }
    }

    /** Waits until every job queued before the call has ended: the one worker runs them in order. */
    void awaitQueued(Duration timeout) throws Exception {
        worker.submit(() -> {
        }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The largest body an import takes, in bytes. */
    public long maxBodySize() {
        return maxBodySize;
    }

    /** Stores the body and queues its job; 413 over the limit, 400 for an empty body (nothing is queued then). */
    public ImportJobView start(ImportFormat format, ImportOptions options, InputStream body, String actor) {
        RowFormat reader = formatOf(format);
        Path file = store(body);
        try {
            int total = total(reader, file);
            UUID id = UUID.randomUUID();
            ImportJob job = QuarkusTransaction.requiringNew().call(() -> {
                ImportJob queued = new ImportJob(id, format, options, actor, now(), instance);
                jobs.persist(queued);
                return queued;
            });
            worker.execute(() -> run(id, reader, file, total, options, actor));
            return view(job, List.of(), 0);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    public ImportJobView get(UUID id) {
        ImportJob job = jobs.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("There is no import job with id '" + id + "'."));
        List<ImportProblemView> problems = jobs.problems(id, ImportJobView.MAX_PROBLEMS).stream()
                .map(p -> new ImportProblemView(p.getRow(), p.getField(), p.getProblem())).toList();
        return view(job, problems, problems.size() < ImportJobView.MAX_PROBLEMS ? problems.size() : jobs.countProblems(id));
    }

    private RowFormat formatOf(ImportFormat format) {
        return formats.stream().filter(f -> f.format() == format).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "Imports of " + format.code() + " are not supported yet."));
    }

    /** Copies the body to a temporary file, counting: over the limit the copy stops and the file is deleted. */
    private Path store(InputStream body) {
        Path file = null;
        try {
            file = Files.createTempFile("directory-import-", ".tmp");
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(file)) {
                for (int n = read(body, buffer); n != -1; n = read(body, buffer)) {
                    size += n;
                    if (size > maxBodySize) {
                        throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The import is larger than the "
                                + (maxBodySize / (1024 * 1024)) + " MiB an import may have; split the file.");
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw ProblemException.invalid("body", "the import is empty: send one member per line");
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw new IllegalStateException("could not store the import's body", e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /**
     * Reads the next part of the request's body. When that fails, the client stopped sending (it closed the
     * connection, or its chunks were malformed): the client's mistake, answered 400 (if it still listens) and not
     * logged as an error of ours; a failure to write the copy stays one of ours.
     */
    private static int read(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The import's body ended before it was complete"
                    + " (the connection was closed or the body was malformed); send the file again.");
        }
    }

    /**
     * The rows the file holds, read through before the job is queued: a file that cannot be read as a whole (not
     * UTF-8, binary, no header, an unknown column, no rows, a cell no spreadsheet has) is refused with its problems.
     */
    private static int total(RowFormat format, Path file) {
        int total;
        try {
            total = format.count(file);
        } catch (ImportFileProblems unreadable) {
            throw unreadable(unreadable.problems());
        } catch (IOException e) {
            throw new IllegalStateException("could not read the stored import", e);
        }
        if (total == 0) {
            throw unreadable(List.of(new FieldError("file", "the file has no members: " + (format.format() == ImportFormat.CSV
                    ? "there is no row after the header" : "every line is blank"))));
        }
        return total;
    }

    private static ProblemException unreadable(List<FieldError> problems) {
        return new ProblemException(ProblemType.INVALID_INPUT, "The file cannot be imported: " + problems.get(0).detail()
                + ". Nothing was stored.", problems);
    }

    private void run(UUID id, RowFormat format, Path file, int total, ImportOptions options, String actor) {
        try {
            if (stopping) {
                inNew(() -> {
                    jobs.findById(id).finish(ImportJobStatus.FAILED, "The service stopped before the job started; nothing"
                            + " was stored: send the file again.", now());
                    return null;
                });
                return;
            }
            inNew(() -> {
                jobs.findById(id).start(total);
                return null;
            });
            Outcome outcome = options.atomic() ? allOrNothing(id, format, file, options, actor)
                    : rowByRow(id, format, file, options, actor);
            if (!options.dryRun()) {
                bulkEnded.fire(new BulkWritesEnded(INDEX_WAIT));
            }
            inNew(() -> {
                ImportJob job = jobs.findById(id);
                job.progress(outcome.counts());
                job.finish(ImportJobStatus.DONE, outcome.note(), now());
                return null;
            });
        } catch (Stopped stopped) {
            if (!options.dryRun() && !options.atomic()) {
                bulkEnded.fire(new BulkWritesEnded(STOPPED_INDEX_WAIT)); // what it kept is searchable when it says so
            }
            inNew(() -> {
                ImportJob job = jobs.findById(id);
                job.progress(stopped.counts(options));
                job.finish(ImportJobStatus.FAILED, stopped.note(total, options), now());
                return null;
            });
            LOG.infof("Import job %s stopped by the shutdown after %d of %d rows", id, stopped.counts.processed(), total);
        } catch (ImportFileProblems unreadable) {
            // A header's problems are on its row, Excel's row 1; the file's on row 0, before any.
            for (FieldError problem : unreadable.problems()) {
                report(id, "header".equals(problem.field()) ? 1 : 0, List.of(problem));
            }
            inNew(() -> {
                jobs.findById(id).finish(ImportJobStatus.FAILED, "The file cannot be imported (see its problems);"
                        + " nothing was stored.", now());
                return null;
            });
        } catch (Exception e) {
            String reference = UUID.randomUUID().toString();
            LOG.errorf(e, "Import job %s failed (reference %s)", id, reference);
            inNew(() -> {
                jobs.findById(id).finish(ImportJobStatus.FAILED, "The job stopped on an error (reference " + reference
                        + ")" + (options.atomic() || options.dryRun() ? "; nothing was stored." : "; rows before it may be stored."),
                        now());
                return null;
            });
        } finally {
            delete(file);
        }
    }

    private record Outcome(ImportCounts counts, String note) {
    }

    /**
     * A bad row is reported and skipped, the good ones are stored. Rows are written {@value #CHUNK} at a time in one
     * transaction (one commit, one index refresh); a row the rules refuse is left out of it, and a chunk in which the
     * database refuses a row is rolled back and written again row by row, each in its own transaction.
     */
    private Outcome rowByRow(UUID id, RowFormat format, Path file, ImportOptions options, String actor) throws IOException {
        ImportCounts counts = ImportCounts.NONE;
        try (ImportRows rows = format.open(file)) {
            keepHeader(id, rows.header());
            List<ImportRow> chunk = new ArrayList<>(CHUNK);
            for (ImportRow row = rows.next(); row != null; row = rows.next()) {
                chunk.add(row);
                if (chunk.size() == CHUNK) {
                    counts = chunkOrStop(id, chunk, options, actor, counts);
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                counts = chunkOrStop(id, chunk, options, actor, counts);
            }
        }
        return new Outcome(counts, options.dryRun() ? "A dry run: nothing was stored; created and updated say what the"
                + " import would do." : null);
    }

    /** A chunk, unless the service is stopping; a chunk that the stop cut short ends the job (see {@link #stop}). */
    private ImportCounts chunkOrStop(UUID id, List<ImportRow> chunk, ImportOptions options, String actor, ImportCounts before) {
        stopIfStopping(before);
        ImportCounts after = chunk(id, chunk, options, actor, before);
        if (after.processed() < before.processed() + chunk.size()) {
            throw new Stopped(after);
        }
        return after;
    }

    /**
     * Writes the rows of a chunk, in order, up to its end or until the service is stopping: then the rows written so
     * far are committed (and counted), the rest of the chunk is not read.
     */
    private ImportCounts chunk(UUID id, List<ImportRow> chunk, ImportOptions options, String actor, ImportCounts before) {
        // A row the rules refuse throws before anything of it is written (MemberService#importRow), so the chunk goes
        // on; a row the database refuses (a slug taken by a racing write) ends it: then each row on its own.
        Map<ImportRow, List<FieldError>> bad = new LinkedHashMap<>();
        ImportCounts counts = before;
        try {
            counts = counts.plus(QuarkusTransaction.requiringNew().call(() -> {
                bad.clear();
                ImportCounts written = ImportCounts.NONE;
                ImportChunk known = members.importChunk(chunk.stream().map(ImportRow::input).toList(),
                        chunk.stream().map(ImportRow::slug).toList());
                for (ImportRow row : chunk) {
                    if (stopping) {
                        break;
                    }
                    if (!row.readable()) {
                        bad.put(row, row.problems());
                        written = written.plusFailed();
                        continue;
                    }
                    try {
                        written = count(written, write(row, options, actor, known, 1));
                    } catch (ProblemException problem) {
                        bad.put(row, ImportRow.problemsOf(problem));
                        written = written.plusFailed();
                    }
                    if (written.processed() % CLEAR_EVERY == 0) {
                        // The rows' writes wait for this flush, which checks everything the session holds: what
                        // earlier rows left there would only slow the next flushes down.
                        jobs.getEntityManager().flush();
                        jobs.getEntityManager().clear();
                    }
                }
                if (options.dryRun()) {
                    throw new RolledBack(written);
                }
                return written;
            }));
        } catch (RuntimeException e) {
            RolledBack dry = find(e, RolledBack.class);
            if (dry != null && dry.counts != null) {
                counts = counts.plus(dry.counts);
            } else {
                bad.clear();
                for (ImportRow row : chunk) {
                    if (stopping) {
                        break;
                    }
                    if (row.readable()) {
                        counts = alone(id, row, options, actor, counts);
                    } else {
                        bad.put(row, row.problems());
                        counts = counts.plusFailed();
                    }
                }
            }
        }
        report(id, bad);
        progress(id, counts);
        return counts;
    }

    /**
     * One row in its own transaction (rolled back in a dry run), taking another slug when a racing write took its
     * own, as the API's create does: counted, or reported with its problems.
     */
    private ImportCounts alone(UUID id, ImportRow row, ImportOptions options, String actor, ImportCounts counts) {
        try {
            Imported done = members.racingForSlugs(attempt -> {
                Imported written = write(row, options, actor, null, attempt);
                if (options.dryRun()) {
                    throw new RolledBack(written);
                }
                return written;
            });
            return count(counts, done);
        } catch (RuntimeException e) {
            RolledBack dry = find(e, RolledBack.class);
            if (dry != null && dry.result != null) {
                return count(counts, dry.result);
            }
            report(id, row, problemsOf(e, row));
            return counts.plusFailed();
        }
    }

    /** Every row in one transaction, kept only when no row failed (and it is no dry run); every bad row is reported. */
    private Outcome allOrNothing(UUID id, RowFormat format, Path file, ImportOptions options, String actor) {
        ImportCounts result;
        try {
            result = QuarkusTransaction.requiringNew().timeout(ATOMIC_TIMEOUT_SECONDS).call(() -> {
                ImportCounts counts = ImportCounts.NONE;
                try (ImportRows rows = format.open(file)) {
                    keepHeader(id, rows.header());
                    for (ImportRow row = rows.next(); row != null; row = rows.next()) {
                        stopIfStopping(counts);
                        List<FieldError> problems = row.problems();
                        if (row.readable()) {
                            try {
                                counts = count(counts, write(row, options, actor, null, 1));
                            } catch (ProblemException problem) {
                                problems = ImportRow.problemsOf(problem);
                            }
                        }
                        if (!problems.isEmpty()) {
                            counts = counts.plusFailed();
                            report(id, row, problems);
                        }
                        if (counts.processed() % CHUNK == 0) {
                            progress(id, counts);
                            jobs.getEntityManager().flush();
                            jobs.getEntityManager().clear();
                        }
                    }
                }
                if (counts.failed() > 0 || options.dryRun()) {
                    throw new RolledBack(counts);
                }
                return counts;
            });
        } catch (RuntimeException e) {
            Stopped stopped = find(e, Stopped.class);
            if (stopped != null) {
                throw stopped; // rolled back: nothing of it is stored
            }
            RolledBack rolledBack = find(e, RolledBack.class);
            if (rolledBack == null) {
                throw e;
            }
            ImportCounts counts = rolledBack.counts;
            if (counts.failed() > 0) {
                return new Outcome(counts.rolledBack(), "All or nothing: " + counts.failed() + " of " + counts.processed()
                        + " rows failed, so nothing was stored; fix them and import the file again.");
            }
            return new Outcome(counts, "A dry run: nothing was stored; created and updated say what the import would do.");
        }
        return new Outcome(result, null);
    }

    /** Writes a row: in a chunk of rows written together ({@code known}), or on its own (null), at its attempt. */
    private Imported write(ImportRow row, ImportOptions options, String actor, ImportChunk known, int attempt) {
        WrittenStatus written = row.status();
        return members.importRow(row.input(), row.carried(), row.slug(), options.status().of(written.status()),
                options.status() == ImportStatus.KEEP ? written.reason() : null, actor, options.mode() == ImportMode.UPSERT,
                known, attempt);
    }

    private static ImportCounts count(ImportCounts counts, Imported done) {
        return done == Imported.CREATED ? counts.plusCreated() : counts.plusUpdated();
    }

    /**
     * A row's problems from its write's failure: a problem's own words, the database out of reach or busy in the words
     * of its 503 ({@link DatabaseUnavailable}), anything else logged with a reference.
     */
    private static List<FieldError> problemsOf(RuntimeException e, ImportRow row) {
        ProblemException problem = find(e, ProblemException.class);
        if (problem == null) {
            problem = DatabaseUnavailable.answer(e);
        }
        if (problem != null) {
            return ImportRow.problemsOf(problem);
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Import row %d could not be stored (reference %s)", row.number(), reference);
        return List.of(new FieldError(null, "the row could not be stored (reference " + reference + "); try again"));
    }

    /** A row's problems, and the row as written when its format keeps it (for errors.csv). */
    private void report(UUID id, ImportRow row, List<FieldError> problems) {
        report(id, Map.of(row, problems));
    }

    /** Bad rows' problems, and the rows as written when their format keeps them, in one transaction. */
    private void report(UUID id, Map<ImportRow, List<FieldError>> bad) {
        if (bad.isEmpty()) {
            return;
        }
        inNew(() -> {
            bad.forEach((row, problems) -> {
                persistProblems(id, row.number(), problems);
                if (row.cells() != null) {
                    jobs.getEntityManager().persist(new ImportFailedRow(id, row.number(), cellsJson(row.cells())));
                }
            });
            return null;
        });
    }

    private void keepHeader(UUID id, List<String> header) {
        if (header != null) {
            inNew(() -> {
                jobs.getEntityManager().persist(new ImportFailedRow(id, 1, cellsJson(header)));
                return null;
            });
        }
    }

    /** A file of a job's failed rows, written as it is read (a page of rows at a time). */
    public interface ErrorsFile {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * A CSV job's failed rows as written, with an {@code errors} column added (which the reader ignores), so the file
     * imports again once fixed; 404 (at once, before anything is written) for an unknown job or one that is not CSV.
     */
    public ErrorsFile errors(UUID id) {
        inNew(() -> {
            ImportJob job = jobs.findByIdOptional(id)
                    .orElseThrow(() -> ProblemException.notFound("There is no import job with id '" + id + "'."));
            if (job.getFormat() != ImportFormat.CSV) {
                throw ProblemException.notFound("Import job '" + id + "' is not a CSV import: its problems are in the job.");
            }
            return null;
        });
        return out -> writeErrors(id, out);
    }

    private void writeErrors(UUID id, OutputStream out) throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        text.write('\uFEFF');
        CSVPrinter printer = CSVFormat.DEFAULT.builder().setDelimiter(CsvWriter.DELIMITER).setRecordSeparator("\r\n")
                .get().print(text);
        record Page(List<ImportFailedRow> rows, Map<Long, List<ImportProblem>> problems) {
        }
        long after = 0;
        while (true) {
            long from = after;
            Page page = inNew(() -> {
                List<ImportFailedRow> rows = jobs.failedRows(id, from, ERRORS_PAGE);
                Map<Long, List<ImportProblem>> problems = rows.isEmpty() ? Map.of()
                        : jobs.problems(id, rows.get(0).getRow(), rows.get(rows.size() - 1).getRow()).stream()
                                .collect(Collectors.groupingBy(ImportProblem::getRow, LinkedHashMap::new, Collectors.toList()));
                return new Page(rows, problems);
            });
            for (ImportFailedRow row : page.rows()) {
                List<String> cells = new ArrayList<>(cells(row.getCells()));
                if (row.getRow() == 1) {
                    cells.add(CsvMembers.ERRORS_COLUMN);
                } else {
                    cells.add(page.problems().getOrDefault(row.getRow(), List.of()).stream()
                            .map(p -> p.getField() == null ? p.getProblem() : p.getField() + ": " + p.getProblem())
                            .collect(Collectors.joining("; ")));
                }
                printer.printRecord(cells);
            }
            printer.flush();
            if (page.rows().size() < ERRORS_PAGE) {
                return;
            }
            after = page.rows().get(page.rows().size() - 1).getRow();
        }
    }

    private String cellsJson(List<String> cells) {
        try {
            return JSON.writeValueAsString(cells);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> cells(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void report(UUID id, long row, List<FieldError> problems) {
        inNew(() -> {
            persistProblems(id, row, problems);
            return null;
        });
    }

    private void persistProblems(UUID id, long row, List<FieldError> problems) {
        for (FieldError problem : problems) {
            jobs.getEntityManager().persist(new ImportProblem(id, row, problem.field(), problem.detail()));
        }
    }

    private void progress(UUID id, ImportCounts counts) {
        inNew(() -> {
            jobs.findById(id).progress(counts);
            return null;
        });
    }

    private static <T> T inNew(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** The next rows are not written: the service is stopping (see {@link #stop}). */
    private void stopIfStopping(ImportCounts counts) {
        if (stopping) {
            throw new Stopped(counts);
        }
    }

    /** A job stopped by the shutdown, with the rows it had processed; only a row-by-row job keeps what it wrote. */
    private static final class Stopped extends RuntimeException {
        private final transient ImportCounts counts;

        Stopped(ImportCounts counts) {
            super(null, null, false, false);
            this.counts = counts;
        }

        /** What the job keeps: an all-or-nothing import that is no dry run rolled back what it wrote. */
        ImportCounts counts(ImportOptions options) {
            return options.atomic() && !options.dryRun() ? counts.rolledBack() : counts;
        }

        String note(int total, ImportOptions options) {
            String read = "The service stopped during the " + (options.dryRun() ? "dry run" : "import") + ", after "
                    + counts.processed() + " of " + total + " rows";
            if (options.dryRun()) {
                return read + "; nothing was stored: run it again.";
            }
            if (options.atomic()) {
                return read + "; all or nothing: nothing was stored. Import the file again.";
            }
            return read + ": those that did not fail are stored (created and updated count them), the rest was not read."
                    + " Import the rows after the first " + counts.processed() + " again.";
        }
    }

    /** Ends a transaction that must not be kept (a dry run, an all-or-nothing import with a bad row), with its result. */
    private static final class RolledBack extends RuntimeException {
        private final transient Imported result;
        private final transient ImportCounts counts;

        RolledBack(Imported result) {
            super(null, null, false, false);
            this.result = result;
            this.counts = null;
        }

        RolledBack(ImportCounts counts) {
            super(null, null, false, false);
            this.result = null;
            this.counts = counts;
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf(e, "Could not delete the import file %s", file);
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ImportJobView view(ImportJob job, List<ImportProblemView> problems, long problemCount) {
        ImportOptions options = job.options();
        return new ImportJobView(job.getId(), job.getStatus(), job.getFormat(), options.dryRun(), options.mode(),
                options.atomic(), options.status(), job.getTotal(), job.getProcessed(), job.getCreated(), job.getUpdated(),
                job.getFailed(), job.getNote(), job.getStartedBy(), job.getCreatedAt(), job.getFinishedAt(), problems,
                problemCount);
    }
}
