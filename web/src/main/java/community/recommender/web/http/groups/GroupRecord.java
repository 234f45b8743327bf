package community.recommender.web.http.groups;

import io.vertx.core.json.JsonObject;

/**
 * One group read from an import file, before validation: its fields as portrait JSON plus
 * {@code id}, and where it stands in the file.
 *
 * @param unit how the file counts records: {@code line} for CSV, {@code row} for a JSON array
 * @param number the line (from 1, the header being line 1) or the row (from 1)
 * @param fields {@code id} and the portrait keys
 */
public record GroupRecord(String unit, int number, JsonObject fields) {}
