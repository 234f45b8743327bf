package community.recommender.web.store.database;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * What a backup file holds, written into it as {@code manifest.json}: the schema version its rows
 * were taken under, when, and each table with its columns and row count, in the order a restore
 * loads them; then each sequence's position.
 *
 * @param format the layout of the file; a restore refuses a format it does not know
 * @param schemaVersion the newest schema migration applied to the database backed up
 * @param createdAt when the snapshot was taken
 * @param tables every application table, in dependency order
 * @param sequences every sequence, where it stood
 */
public record BackupManifest(int format, String schemaVersion, Instant createdAt, List<TableCopy> tables,
    List<SequencePosition> sequences) {
  /** The layout this release writes: a zip of {@code manifest.json} and one binary COPY per table. */
  static final int FORMAT = 1;
  static final String ENTRY = "manifest.json";

  /** One table's rows in the file. */
  public record TableCopy(String name, List<String> columns, long rows) {
    /** Where the table's rows are in the zip: the output of {@code COPY ... TO STDOUT (FORMAT binary)}. */
    String entry() {
      return "tables/" + name + ".copy";
    }
  }

  /** A sequence's value, and whether {@code nextval} has handed that value out already. */
  public record SequencePosition(String name, long value, boolean called) {}

  /** The rows in every table together. */
  public long rows() {
    return tables.stream().mapToLong(TableCopy::rows).sum();
  }

  JsonObject toJson() {
    JsonArray tableList = new JsonArray();
    tables.forEach(t -> tableList.add(new JsonObject().put("name", t.name()).put("columns", new JsonArray(t.columns()))
        .put("rows", t.rows())));
    JsonArray sequenceList = new JsonArray();
    sequences.forEach(s -> sequenceList.add(new JsonObject().put("name", s.name()).put("value", s.value())
        .put("called", s.called())));
    return new JsonObject().put("format", format).put("application", "Community Recommender")
        .put("schemaVersion", schemaVersion).put("createdAt", createdAt.toString()).put("tables", tableList)
        .put("sequences", sequenceList);
  }

  static BackupManifest fromJson(JsonObject json) {
    List<TableCopy> tables = json.getJsonArray("tables").stream().map(JsonObject.class::cast)
        .map(t -> new TableCopy(t.getString("name"),
            t.getJsonArray("columns").stream().map(String.class::cast).toList(), t.getLong("rows")))
        .toList();
    List<SequencePosition> sequences = json.getJsonArray("sequences").stream().map(JsonObject.class::cast)
        .map(s -> new SequencePosition(s.getString("name"), s.getLong("value"), s.getBoolean("called")))
        .toList();
    return new BackupManifest(json.getInteger("format"), json.getString("schemaVersion"),
        Instant.parse(json.getString("createdAt")), tables, sequences);
  }
}
