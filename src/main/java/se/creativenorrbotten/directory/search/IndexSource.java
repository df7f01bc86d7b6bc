package se.creativenorrbotten.directory.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import se.creativenorrbotten.directory.common.json.Coded;
import se.creativenorrbotten.directory.member.MemberStatus;
import se.creativenorrbotten.directory.member.MemberType;
import se.creativenorrbotten.directory.member.Opportunity;

/**
 * Reads what the index needs straight from the database with plain JDBC, in bulk: a full rebuild of
 * 100,000 members is one query per table, not one per member. Which members changed comes from the member side's
 * {@link se.creativenorrbotten.directory.member.ChangeLog}.
 */
@ApplicationScoped
public class IndexSource {

    /** The date a list item shows and the updated sort uses is the public view's: a private edit does not change it. */
    private static final String MEMBER_COLUMNS = "select id, slug, name, type, headline, description, municipality_code,"
            + " website, logo_url, available_for_work, created_at, public_updated_at, change_seq, status, featured_until"
            + " from member";

    private final DataSource dataSource;

    public IndexSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Every member, streamed: the members and their lists are read in id order side by side (a merge
     * join in the database's own order), so memory stays flat whatever the number of members.
     */
    public void forEachMember(Consumer<MemberDocument> consumer) throws SQLException {
        try (Connection c = dataSource.getConnection(); Streaming streaming = new Streaming(c); ListCursors lists = new ListCursors(c);
                PreparedStatement s = c.prepareStatement(MEMBER_COLUMNS + " order by id")) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject("id", UUID.class);
                    consumer.accept(document(rs, table -> lists.take(table, id)));
                }
            }
        }
    }

    /** A {@link ListCursor} on every list table, opened and closed together. */
    private static final class ListCursors implements AutoCloseable {
        private final Map<ListTable, ListCursor> cursors = new EnumMap<>(ListTable.class);

        ListCursors(Connection c) throws SQLException {
            try {
                for (ListTable table : ListTable.values()) {
                    cursors.put(table, new ListCursor(c, table.select("")));
                }
            } catch (SQLException e) {
                close();
                throw e;
            }
        }

        List<String> take(ListTable table, UUID member) throws SQLException {
            return cursors.get(table).take(member);
        }

        @Override
        public void close() throws SQLException {
            SQLException first = null;
            for (ListCursor cursor : cursors.values()) {
                try {
                    cursor.close();
                } catch (SQLException e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    /**
     * The member's lists: each a table of (member_id, value) rows, read in the member's order (a set's, which has no
     * position, in the order of its values' enum).
     */
    private enum ListTable {
        SERVICE_AREA("member_service_area", "municipality_code", "position", null, MemberDocument.Builder::serviceArea),
        SKILLS("member_skill", "skill_slug", "position", null, MemberDocument.Builder::skills),
        LANGUAGES("member_language", "language_code", "position", null, MemberDocument.Builder::languages),
        SEEKS("member_seeks", "opportunity", "opportunity", Opportunity.class, MemberDocument.Builder::seeks),
        OFFERS("member_offers", "opportunity", "opportunity", Opportunity.class, MemberDocument.Builder::offers);

        private final String table;
        private final String column;
        private final String order;
        private final Class<Opportunity> codes;
        private final java.util.function.BiConsumer<MemberDocument.Builder, List<String>> into;

        ListTable(String table, String column, String order, Class<Opportunity> codes,
                java.util.function.BiConsumer<MemberDocument.Builder, List<String>> into) {
            this.table = table;
            this.column = column;
            this.order = order;
            this.codes = codes;
            this.into = into;
        }

        String select(String where) {
            return "select member_id, " + column + " from " + table + where + " order by member_id, " + order;
        }

        void set(MemberDocument.Builder document, List<String> values) {
            into.accept(document, codes == null ? values : inCodeOrder(codes, values));
        }
    }

    /**
     * Codes in their enum's order; a code this version does not know (written by a newer instance during a rolling
     * upgrade) goes last, by its text, instead of failing the member's indexing and with it a rebuild.
     */
    static <E extends Enum<E> & Coded> List<String> inCodeOrder(Class<E> type, List<String> codes) {
        if (codes.size() < 2) {
            return codes;
        }
        return codes.stream().sorted(java.util.Comparator.<String>comparingInt(
                code -> Coded.isCode(type, code) ? Coded.fromCode(type, code).ordinal() : Integer.MAX_VALUE)
                .thenComparing(java.util.Comparator.naturalOrder())).toList();
    }

    /**
     * Embedded H2 materialises a whole result set in memory unless told to stream it; this asks for
     * streaming on the connection for the duration of a bulk read (PostgreSQL streams with a fetch size).
     */
    private static final class Streaming implements AutoCloseable {
        private final Connection connection;
        private final boolean h2;

        Streaming(Connection connection) throws SQLException {
            this.connection = connection;
            this.h2 = connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("H2");
            set(true);
        }

        private void set(boolean lazy) throws SQLException {
            if (h2) {
                try (var statement = connection.createStatement()) {
                    statement.execute("SET LAZY_QUERY_EXECUTION " + lazy);
                }
            }
        }

        @Override
        public void close() throws SQLException {
            set(false);
        }
    }

    /** A list table read in member order; {@link #take} returns the rows of one member. */
    private static final class ListCursor implements AutoCloseable {
        private final PreparedStatement statement;
        private final ResultSet rows;
        private boolean more;

        ListCursor(Connection c, String sql) throws SQLException {
            statement = c.prepareStatement(sql);
            statement.setFetchSize(5000);
            rows = statement.executeQuery();
            more = rows.next();
        }

        /** The values of this member: the rows at the cursor while they belong to it (both sides share one order). */
        List<String> take(UUID member) throws SQLException {
            List<String> values = null;
            while (more && member.equals(rows.getObject(1, UUID.class))) {
                if (values == null) {
                    values = new ArrayList<>(4);
                }
                values.add(rows.getString(2));
                more = rows.next();
            }
            return values == null ? List.of() : values;
        }

        @Override
        public void close() throws SQLException {
            rows.close();
            statement.close();
        }
    }

    /** The current state of these members; a member that no longer exists is absent from the result. */
    public Map<UUID, MemberDocument> members(Collection<UUID> ids) throws SQLException {
        Map<UUID, MemberDocument> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (Connection c = dataSource.getConnection()) {
            for (List<UUID> batch : batches(List.copyOf(ids), 500)) {
                String in = " in (" + "?,".repeat(batch.size() - 1) + "?)";
                Map<ListTable, Map<UUID, List<String>>> lists = new EnumMap<>(ListTable.class);
                for (ListTable table : ListTable.values()) {
                    lists.put(table, lists(c, table.select(" where member_id" + in), batch));
                }
                try (PreparedStatement s = c.prepareStatement(MEMBER_COLUMNS + " where id" + in)) {
                    bind(s, batch);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            UUID id = rs.getObject("id", UUID.class);
                            MemberDocument document = document(rs, table -> lists.get(table).getOrDefault(id, List.of()));
                            found.put(document.id(), document);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Skill slugs with their Swedish names, for facet labels and the searchable text. */
    public Map<String, String[]> skillNames() throws SQLException {
        return names("select slug, name_sv, name_en from skill");
    }

    /** Municipality codes with their names and town-centre coordinates. */
    public Map<String, String[]> municipalities() throws SQLException {
        return names("select code, name, latitude, longitude from municipality");
    }

    private Map<String, String[]> names(String sql) throws SQLException {
        Map<String, String[]> names = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] values = new String[columns - 1];
                for (int i = 2; i <= columns; i++) {
                    values[i - 2] = rs.getString(i);
                }
                names.put(rs.getString(1), values);
            }
        }
        return names;
    }

    /** Where a document's lists come from: a cursor over every member, or the lists of one batch. */
    private interface Lists {
        List<String> of(ListTable table) throws SQLException;
    }

    /** The document of the member at {@code rs}, with its lists from {@code lists}. */
    private static MemberDocument document(ResultSet rs, Lists lists) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        MemberDocument.Builder document = MemberDocument.builder();
        for (ListTable table : ListTable.values()) {
            table.set(document, lists.of(table));
        }
        return document
                .id(id)
                .slug(rs.getString("slug"))
                .name(rs.getString("name"))
                .type(Coded.fromCode(MemberType.class, rs.getString("type")))
                .headline(rs.getString("headline"))
                .description(rs.getString("description"))
                .municipality(rs.getString("municipality_code"))
                .website(rs.getString("website"))
                .logoUrl(rs.getString("logo_url"))
                .availableForWork(rs.getBoolean("available_for_work"))
                .createdAt(instant(rs, "created_at"))
                .updatedAt(instant(rs, "public_updated_at"))
                .changeSeq(rs.getLong("change_seq"))
                .status(Coded.fromCode(MemberStatus.class, rs.getString("status")))
                .featuredUntil(instant(rs, "featured_until"))
                .build();
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static Map<UUID, List<String>> lists(Connection c, String sql, List<UUID> ids) throws SQLException {
        Map<UUID, List<String>> lists = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (ids != null) {
                bind(s, ids);
            }
            s.setFetchSize(5000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lists.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>(4)).add(rs.getString(2));
                }
            }
        }
        return lists;
    }

    private static void bind(PreparedStatement s, List<UUID> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            s.setObject(i + 1, ids.get(i));
        }
    }

    private static <T> List<List<T>> batches(List<T> all, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            batches.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return batches;
    }
}
