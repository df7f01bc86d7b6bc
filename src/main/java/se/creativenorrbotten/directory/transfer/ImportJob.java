package se.creativenorrbotten.directory.transfer;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An admin's import: its options, where it is, and its counts (the rows' problems are {@link ImportProblem}s). */
@Entity
@Table(name = "import_job")
public class ImportJob {

    @Id
    private UUID id;

    @Column(nullable = false, length = 16)
    @Convert(converter = ImportJobStatus.DbConverter.class)
    private ImportJobStatus status;

    @Column(nullable = false, length = 16, updatable = false)
    @Convert(converter = ImportFormat.DbConverter.class)
    private ImportFormat format;

    @Column(name = "dry_run", nullable = false, updatable = false)
    private boolean dryRun;

    @Column(name = "write_mode", nullable = false, length = 16, updatable = false)
    @Convert(converter = ImportMode.DbConverter.class)
    private ImportMode mode;

    @Column(name = "all_or_nothing", nullable = false, updatable = false)
    private boolean atomic;

    @Column(name = "member_status", nullable = false, length = 16, updatable = false)
    @Convert(converter = ImportStatus.DbConverter.class)
    private ImportStatus memberStatus;

    /** The rows in the file, once counted (null before the job runs). */
    @Column(name = "total_rows")
    private Integer total;

    @Column(name = "processed_rows", nullable = false)
    private int processed;

    @Column(name = "created_rows", nullable = false)
    private int created;

    @Column(name = "updated_rows", nullable = false)
    private int updated;

    @Column(name = "failed_rows", nullable = false)
    private int failed;

    /** What the admin should know about the job as a whole (an atomic import rolled back, a job that failed). */
    @Column(length = 1000)
    private String note;

    @Column(name = "started_by", nullable = false, length = 64, updatable = false)
    private String startedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** The instance (one start of the service) that runs the job; null for jobs of earlier releases. */
    @Column(length = 36, updatable = false)
    private String owner;

    /** When the job's instance last said it is alive ({@link ImportJobRepository#beat}). */
    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    protected ImportJob() {
    }

    ImportJob(UUID id, ImportFormat format, ImportOptions options, String startedBy, Instant now, String owner) {
        this.id = id;
        this.status = ImportJobStatus.QUEUED;
        this.format = format;
        this.dryRun = options.dryRun();
        this.mode = options.mode();
        this.atomic = options.atomic();
        this.memberStatus = options.status();
        this.startedBy = startedBy;
        this.createdAt = now;
        this.owner = owner;
        this.heartbeatAt = now;
    }

    public UUID getId() {
        return id;
    }

    public ImportJobStatus getStatus() {
        return status;
    }

    public ImportFormat getFormat() {
        return format;
    }

    public ImportOptions options() {
        return new ImportOptions(dryRun, mode, atomic, memberStatus);
    }

    public Integer getTotal() {
        return total;
    }

    public int getProcessed() {
        return processed;
    }

    public int getCreated() {
        return created;
    }

    public int getUpdated() {
        return updated;
    }

    public int getFailed() {
        return failed;
    }

    public String getNote() {
        return note;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    void start(int totalRows) {
        status = ImportJobStatus.RUNNING;
        total = totalRows;
    }

    void progress(ImportCounts counts) {
        processed = counts.processed();
        created = counts.created();
        updated = counts.updated();
        failed = counts.failed();
    }

    void finish(ImportJobStatus end, String why, Instant now) {
        status = end;
        note = why == null || why.length() <= 1000 ? why : why.substring(0, 999) + "…";
        finishedAt = now;
    }
}
