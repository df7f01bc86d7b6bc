package se.creativenorrbotten.directory.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
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

/**
 * Reads what the index needs straight from the database with plain JDBC, in bulk: a full rebuild of
 * 100,000 members is four queries, not 400,000. Which members changed comes from the member side's
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
        try (Connection c = dataSource.getConnection(); Streaming streaming = new Streaming(c);
                ListCursor skills = new ListCursor(c, "select member_id, skill_slug from member_skill order by member_id, position");
                ListCursor languages = new ListCursor(c,
                        "select member_id, language_code from member_language order by member_id, position");
                ListCursor areas = new ListCursor(c,
                        "select member_id, municipality_code from member_service_area order by member_id, position");
                PreparedStatement s = c.prepareStatement(MEMBER_COLUMNS + " order by id")) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject("id", UUID.class);
                    consumer.accept(document(rs, Map.of(id, skills.take(id)), Map.of(id, languages.take(id)),
                            Map.of(id, areas.take(id))));
                }
            }
        }
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
                Map<UUID, List<String>> skills = lists(c, "select member_id, skill_slug from member_skill where member_id" + in
                        + " order by member_id, position", batch);
                Map<UUID, List<String>> languages = lists(c, "select member_id, language_code from member_language where member_id"
                        + in + " order by member_id, position", batch);
                Map<UUID, List<String>> areas = lists(c, "select member_id, municipality_code from member_service_area where member_id"
                        + in + " order by member_id, position", batch);
                try (PreparedStatement s = c.prepareStatement(MEMBER_COLUMNS + " where id" + in)) {
                    bind(s, batch);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            MemberDocument document = document(rs, skills, languages, areas);
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

    private static MemberDocument document(ResultSet rs, Map<UUID, List<String>> skills, Map<UUID, List<String>> languages,
            Map<UUID, List<String>> areas) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return MemberDocument.builder()
                .id(id)
                .slug(rs.getString("slug"))
                .name(rs.getString("name"))
                .type(Coded.fromCode(MemberType.class, rs.getString("type")))
                .headline(rs.getString("headline"))
                .description(rs.getString("description"))
                .municipality(rs.getString("municipality_code"))
                .serviceArea(areas.getOrDefault(id, List.of()))
                .skills(skills.getOrDefault(id, List.of()))
                .languages(languages.getOrDefault(id, List.of()))
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
