package se.creativenorrbotten.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import se.creativenorrbotten.directory.common.persistence.DatabaseKind;

/**
 * Every index costs each insert an entry (a bulk import writes hundreds of thousands): no table has two indexes of the
 * same columns in the same order. On H2 an index also keeps each row's key, so an index of some columns followed by
 * the table's one-column primary key repeats the index of those columns alone. Read from the database's own catalogue
 * (JDBC metadata): on H2 and on PostgreSQL, as the tests run.
 */
@QuarkusTest
class SchemaIndexesTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DatabaseKind database;

    @Test
    void noIndexRepeatsAnother() throws SQLException {
        List<String> repeated = new ArrayList<>();
        int tables = 0;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData catalogue = connection.getMetaData();
            for (String table : tables(catalogue, connection.getSchema())) {
                tables++;
                Map<String, List<String>> indexes = indexes(catalogue, connection.getSchema(), table);
                List<String> key = primaryKey(catalogue, connection.getSchema(), table);
                for (var a : indexes.entrySet()) {
                    for (var b : indexes.entrySet()) {
                        if (a.getKey().compareTo(b.getKey()) < 0 && a.getValue().equals(b.getValue())) {
                            repeated.add(table + ": " + a.getKey() + " and " + b.getKey() + " both index " + a.getValue());
                        }
                        if (database.h2() && key.size() == 1 && !a.getKey().equals(b.getKey())
                                && a.getValue().equals(with(b.getValue(), key.get(0)))) {
                            repeated.add(table + ": " + a.getKey() + " " + a.getValue() + " is " + b.getKey() + " "
                                    + b.getValue() + " with the row's key, which H2 keeps in every index");
                        }
                    }
                }
            }
        }
        assertTrue(tables >= 10, "the schema's tables were read: " + tables);
        assertEquals(List.of(), repeated);
    }

    private static List<String> tables(DatabaseMetaData catalogue, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = catalogue.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    /** Each index's columns in order, by index name. */
    private static Map<String, List<String>> indexes(DatabaseMetaData catalogue, String schema, String table)
            throws SQLException {
        Map<String, TreeMap<Short, String>> columns = new TreeMap<>();
        try (ResultSet rows = catalogue.getIndexInfo(null, schema, table, false, true)) {
            while (rows.next()) {
                String index = rows.getString("INDEX_NAME");
                String column = rows.getString("COLUMN_NAME");
                if (index != null && column != null) {
                    columns.computeIfAbsent(index, i -> new TreeMap<>()).put(rows.getShort("ORDINAL_POSITION"),
                            column.toLowerCase(Locale.ROOT));
                }
            }
        }
        Map<String, List<String>> indexes = new TreeMap<>();
        columns.forEach((index, ordered) -> indexes.put(index, List.copyOf(ordered.values())));
        return indexes;
    }

    private static List<String> primaryKey(DatabaseMetaData catalogue, String schema, String table) throws SQLException {
        TreeMap<Short, String> key = new TreeMap<>();
        try (ResultSet rows = catalogue.getPrimaryKeys(null, schema, table)) {
            while (rows.next()) {
                key.put(rows.getShort("KEY_SEQ"), rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(key.values());
    }

    private static List<String> with(List<String> columns, String column) {
        List<String> longer = new ArrayList<>(columns);
        longer.add(column);
        return longer;
    }
}
