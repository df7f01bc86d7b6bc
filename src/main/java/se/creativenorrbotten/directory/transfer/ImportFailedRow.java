package se.creativenorrbotten.directory.transfer;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A failed row of a CSV import as it was written (row 1: the header), its cells a JSON array. */
@Entity
@Table(name = "import_failed_row")
public class ImportFailedRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_id", nullable = false, updatable = false)
    private UUID jobId;

    @Column(name = "row_no", nullable = false, updatable = false)
    private long row;

    // The column holds 10,000,000 characters (V10); a length over 1,000,000 here would make Hibernate expect a CLOB.
    @Column(nullable = false, length = 1_000_000, updatable = false)
    private String cells;

    protected ImportFailedRow() {
    }

    ImportFailedRow(UUID jobId, long row, String cells) {
        this.jobId = jobId;
        this.row = row;
        this.cells = cells;
    }

    public long getRow() {
        return row;
    }

    public String getCells() {
        return cells;
    }
}
