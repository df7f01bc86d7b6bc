package se.creativenorrbotten.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

/** Direct reads of the test database, for what the API does not show (tombstones, rows that must not exist). */
@ApplicationScoped
public class TestDatabase {

    private final AgroalDataSource dataSource;

    public TestDatabase(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The single number a {@code select count(*) ...} query returns; parameters are bound in order. */
    public long count(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs an insert, update or delete; answers the number of rows it changed. */
    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Changes one column of a member the way another instance would: with a new place in the change
     * sequence, so that the search index re-reads the member at its next poll.
     */
    public void changeMember(String id, String column, Object value) {
        int changed = update("update member set " + column + " = ?, change_seq = " + nextChangeSeq() + " where id = ?",
                value, java.util.UUID.fromString(id));
        if (changed != 1) {
            throw new IllegalStateException("no member " + id);
        }
    }

    private String nextChangeSeq() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")
                    ? "nextval('member_change_seq')" : "next value for member_change_seq";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many members have the marker in their name, description or slug. */
    public long membersMarked(String marker) {
        String like = "%" + marker + "%";
        return count("select count(*) from member where name like ? or description like ? or slug like ?", like, like, like);
    }
}
