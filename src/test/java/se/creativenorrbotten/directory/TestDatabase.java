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

    /** How many members have the marker in their name, description or slug. */
    public long membersMarked(String marker) {
        String like = "%" + marker + "%";
        return count("select count(*) from member where name like ? or description like ? or slug like ?", like, like, like);
    }
}
