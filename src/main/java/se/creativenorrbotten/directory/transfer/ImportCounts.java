package se.creativenorrbotten.directory.transfer;

/** A job's progress: rows read, and of them created, updated and failed. */
public record ImportCounts(int processed, int created, int updated, int failed) {

    static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0);

    ImportCounts plusCreated() {
        return new ImportCounts(processed + 1, created + 1, updated, failed);
    }

    ImportCounts plusUpdated() {
        return new ImportCounts(processed + 1, created, updated + 1, failed);
    }

    ImportCounts plusFailed() {
        return new ImportCounts(processed + 1, created, updated, failed + 1);
    }

    ImportCounts plus(ImportCounts more) {
        return new ImportCounts(processed + more.processed, created + more.created, updated + more.updated,
                failed + more.failed);
    }

    /** After an all-or-nothing import rolled back: every row read, none stored, the failed ones as counted. */
    ImportCounts rolledBack() {
        return new ImportCounts(processed, 0, 0, failed);
    }
}
