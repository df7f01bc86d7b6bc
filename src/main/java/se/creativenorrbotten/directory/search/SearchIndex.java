package se.creativenorrbotten.directory.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.NIOFSDirectory;

/**
 * The Lucene index of members: one writer, near-real-time searchers, and the per-segment facet arrays.
 * It holds only what the database holds, so it can always be rebuilt from it.
 */
final class SearchIndex implements AutoCloseable {

    static final String DATABASE_ID = "databaseId";
    static final String SAFE_POINT = "safePoint";
    /** The highest place in the change sequence of a member the committed index holds. */
    static final String HIGHEST_SEQ = "highestSeq";
    /**
     * The change log's safe point as the follower last read it: a place proven settled, which any later start on
     * this database may hand to the change log (the followed position may be a rebuild's estimate instead).
     */
    static final String SETTLED = "settled";
    static final String FORMAT = "format";
    /**
     * An index of another format is rebuilt. The number is bumped by hand when the way fields are written changes
     * (7: ICU name sort keys; 8: the description kept as doc values, not a stored field); the shape (the components
     * of the document and of the list item read from its card, and the keyword filters) is part of it by itself, so a
     * member field added to the index cannot meet an index written without it.
     */
    static final String CURRENT_FORMAT = "8-" + Integer.toHexString(java.util.Arrays.toString(new Object[] {
            java.util.Arrays.toString(MemberDocument.class.getRecordComponents()),
            java.util.Arrays.toString(se.creativenorrbotten.directory.member.dto.MemberSummary.class.getRecordComponents()),
            java.util.Arrays.toString(Facet.values())}).hashCode());

    private final Directory directory;
    private final IndexWriter writer;
    private final ConcurrentMergeScheduler merging = new ConcurrentMergeScheduler();
    private final SearcherManager searchers;
    private final Facet.Registry registry = new Facet.Registry();
    private final Map<Object, SegmentData> segments = new ConcurrentHashMap<>();
    private final WordCache words;
    private final boolean persistent;

    SearchIndex(Path folder, long wordCacheBytes) throws IOException {
        words = new WordCache(wordCacheBytes);
        persistent = folder != null;
        if (folder == null) {
            directory = new ByteBuffersDirectory();
        } else {
            Files.createDirectories(folder);
            // Positional reads through the page cache rather than memory-mapping: the hot data lives in the
            // segment arrays and caches anyway, and mapped files would count against the service's memory.
            directory = new NIOFSDirectory(folder);
        }
        // An erased member's terms and values stay in its segment until the segment is merged away:
        // purgeDeleted() rewrites every segment that holds a deleted document, however few.
        org.apache.lucene.index.TieredMergePolicy merges = new org.apache.lucene.index.TieredMergePolicy();
        merges.setForceMergeDeletesPctAllowed(0);
        IndexWriterConfig config = new IndexWriterConfig(Analysis.INDEX_ANALYZER)
                .setMergePolicy(merges)
                .setMergeScheduler(merging)
                .setIndexSort(Fields.INDEX_SORT)
                .setRAMBufferSizeMB(32)
                .setUseCompoundFile(false)
                .setCommitOnClose(false);
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, true, false, new SearcherFactory() {
            /**
             * A searcher is handed out only once the data of each of its segments is built: no search builds it
             * (a burst of searches after a start or a merge would each build the arrays of a whole segment).
             */
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                for (LeafReaderContext leaf : reader.leaves()) {
                    segment(leaf.reader());
                }
                return super.newSearcher(reader, previous);
            }
        });
    }

    /** What the last commit recorded: the database it was built from and how far it had followed it. */
    Map<String, String> committed() throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return Map.of();
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            return reader.getIndexCommit().getUserData();
        }
    }

    void put(MemberDocument member, Taxonomy taxonomy) throws IOException {
        writer.updateDocument(new Term(Fields.ID, member.id().toString()), Fields.document(member, taxonomy));
    }

    void add(MemberDocument member, Taxonomy taxonomy) throws IOException {
        writer.addDocument(Fields.document(member, taxonomy));
    }

    void delete(UUID id) throws IOException {
        writer.deleteDocuments(new Term(Fields.ID, id.toString()));
    }

    /**
     * Rewrites the segments that still hold deleted documents, so that nothing of an erased member
     * (terms, doc values, the description) is left in the index files once the next commit has
     * replaced the old ones. A segment that another merge already holds (one a flush or refresh started,
     * possibly before the deletion reached it) is skipped by the forced merge, which then returns without
     * waiting: so this also waits for every running merge, and goes round again until no deletion is left.
     */
    void purgeDeleted() throws IOException {
        for (int round = 0; round < MAX_PURGE_ROUNDS; round++) {
            writer.forceMergeDeletes(true);
            merging.sync();
            if (!writer.hasDeletions()) {
                return;
            }
        }
        throw new IOException("deleted documents are still in the index after " + MAX_PURGE_ROUNDS + " merges");
    }

    /** Each round merges what the last one could not; more than a few means something keeps deleting meanwhile. */
    private static final int MAX_PURGE_ROUNDS = 5;

    /** Merges every segment into one, waiting for it (visible to searches after the next refresh). */
    void mergeToOne() throws IOException {
        writer.forceMerge(1, true);
    }

    void deleteAll() throws IOException {
        writer.deleteAll();
    }

    /** Makes the changes so far visible to searches (not yet durable). */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** True when the index lives in files, so that a commit outlives the process (false for an index in memory). */
    boolean persistent() {
        return persistent;
    }

    /**
     * Makes the changes durable, recording the followed position, the newest change indexed and the change log's
     * safe point last read.
     */
    void commit(String databaseId, long safePoint, long highestSeq, long settled) throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put(DATABASE_ID, databaseId);
        data.put(SAFE_POINT, Long.toString(safePoint));
        data.put(HIGHEST_SEQ, Long.toString(highestSeq));
        data.put(SETTLED, Long.toString(settled));
        data.put(FORMAT, CURRENT_FORMAT);
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
    }

    IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    Facet.Registry registry() {
        return registry;
    }

    /**
     * The facet arrays of a segment: built once, when a searcher holding it is opened, and dropped when the segment
     * goes. Callers at once wait for the one build.
     */
    SegmentData segment(LeafReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        try {
            return segments.computeIfAbsent(helper.getKey(), key -> {
                try {
                    SegmentData built = SegmentData.build(reader, registry);
                    helper.addClosedListener(segments::remove);
                    return built;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Whether the data of this segment is built now (for tests). */
    boolean holdsSegment(LeafReader reader) {
        return segments.containsKey(reader.getCoreCacheHelper().getKey());
    }

    /** Marks the start of a search on this thread (scratch arrays of the previous one may be reused). */
    void startRequest() {
        words.startRequest();
    }

    /** Whether the match of this word in this segment is cached now (for tests). */
    boolean holdsWord(LeafReader reader, WordMatch.Word word) {
        return words.holds(reader.getCoreCacheHelper().getKey(), word);
    }

    /** How many bytes the cached (segment, word) matches hold now (for tests). */
    long cachedWordBytes() {
        return words.bytes();
    }

    /** How a query word matches a segment, from the cache when searches ask for the word often. */
    WordMatch word(LeafReader reader, WordMatch.Word word) throws IOException {
        return words.get(reader.getCoreCacheHelper().getKey(), word, reader);
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.rollback();
        directory.close();
    }
}
