package se.creativenorrbotten.directory.transfer;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One problem of one row of an import: the row as the admin sees it, the field (null: the whole row), what is wrong. */
@Entity
@Table(name = "import_problem")
public class ImportProblem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_id", nullable = false, updatable = false)
    private UUID jobId;

    @Column(name = "row_no", nullable = false, updatable = false)
    private long row;

    @Column(length = 200, updatable = false)
    private String field;

    @Column(nullable = false, length = 2000, updatable = false)
    private String problem;

    protected ImportProblem() {
    }

    ImportProblem(UUID jobId, long row, String field, String problem) {
        this.jobId = jobId;
        this.row = row;
        this.field = field == null || field.length() <= 200 ? field : field.substring(0, 199) + "…";
        this.problem = problem.length() <= 2000 ? problem : problem.substring(0, 1999) + "…";
    }

    public long getRow() {
        return row;
    }

    public String getField() {
        return field;
    }

    public String getProblem() {
        return problem;
    }
}
