package community.recommender.web.store.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables and sequences that hold the application's state, as the database's catalog lists
 * them in the current schema: nothing is listed by hand, so a table a later migration adds is
 * backed up without a change here.
 *
 * <p>Tables come in dependency order (a table after every table its foreign keys point at), the
 * order they are loaded in. The migration tools' own history tables are left out: the schema
 * version stands for them, and a restore rebuilds them by migrating.
 */
record ApplicationTables(List<Table> tables, List<String> sequences) {
  /** The migration history of Flyway, and of the hand-written migrator of earlier releases. */
  static final Set<String> SCHEMA_BOOKKEEPING = Set.of("flyway_schema_history", "schema_migrations");

  /** One table and the columns a COPY moves, in the table's order; generated columns are left to the database. */
  record Table(String name, List<String> columns) {
    String quotedName() {
      return quote(name);
    }

    String quotedColumns() {
      return String.join(", ", columns.stream().map(ApplicationTables::quote).toList());
    }
  }

  /** Reads the catalog through {@code connection}. */
  static ApplicationTables of(Connection connection) throws SQLException {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement("""
        SELECT c.relname, a.attname
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        ORDER BY c.relname, a.attnum""");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        if (!SCHEMA_BOOKKEEPING.contains(rows.getString(1))) {
          columns.computeIfAbsent(rows.getString(1), name -> new ArrayList<>()).add(rows.getString(2));
        }
      }
    }
    Map<String, Set<String>> parents = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement("""
        SELECT child.relname, parent.relname
        FROM pg_constraint f
        JOIN pg_class child ON child.oid = f.conrelid
        JOIN pg_class parent ON parent.oid = f.confrelid
        JOIN pg_namespace n ON n.oid = child.relnamespace
        WHERE f.contype = 'f' AND n.nspname = current_schema()""");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        if (!rows.getString(1).equals(rows.getString(2))) {
          parents.computeIfAbsent(rows.getString(1), name -> new HashSet<>()).add(rows.getString(2));
        }
      }
    }
    List<Table> ordered = new ArrayList<>();
    for (String name : dependencyOrder(columns.keySet(), parents)) {
      ordered.add(new Table(name, List.copyOf(columns.get(name))));
    }
    List<String> sequences = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema() ORDER BY sequencename");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        sequences.add(rows.getString(1));
      }
    }
    return new ApplicationTables(List.copyOf(ordered), List.copyOf(sequences));
  }

  /** The names of the tables. */
  List<String> names() {
    return tables.stream().map(Table::name).toList();
  }

  /** Each table after the tables it refers to; ties in name order, so that two backups list them alike. */
  private static List<String> dependencyOrder(Set<String> tables, Map<String, Set<String>> parents) {
    List<String> order = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    TreeSet<String> left = new TreeSet<>(tables);
    while (!left.isEmpty()) {
      String next = left.stream()
          .filter(table -> parents.getOrDefault(table, Set.of()).stream()
              .allMatch(parent -> placed.contains(parent) || !tables.contains(parent)))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("the foreign keys between " + left + " form a cycle"));
      order.add(next);
      placed.add(next);
      left.remove(next);
    }
    return order;
  }

  /** An identifier quoted for SQL. */
  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
