package community.recommender.web.http.groups;

import community.recommender.content.format.ByteOrderMark;
import community.recommender.content.format.CsvDialect;
import community.recommender.web.http.ApiError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV import file: a header line, then one group per record.
 *
 * <p>The columns are {@code id} and the portrait keys ({@code name}, {@code platform},
 * {@code type}, {@code interests}, {@code region}, {@code language}, {@code timezone},
 * {@code quietHours}, {@code memberCount}, {@code kocCount}, {@code kocs}, {@code owner},
 * {@code labels}), in any order and any letter case, plus one {@code attributes.NAME} column per
 * attribute. The list columns ({@code interests}, {@code kocs}, {@code labels}) separate their
 * values with {@code |} or {@code ;}. An empty cell leaves the key out, as if the column were
 * absent. Only {@code id} and {@code name} are required.
 */
public final class GroupCsv {
  private static final Set<String> LISTS = Set.of("interests", "kocs", "labels");
  private static final Set<String> NUMBERS = Set.of("memberCount", "kocCount");
  private static final String ATTRIBUTE = "attributes.";

  private GroupCsv() {}

  /** The file's groups, numbered by the line each starts on; 422 naming the column when the header is wrong. */
  public static List<GroupRecord> read(String text) {
    String csv = ByteOrderMark.strip(text);
    try (CSVParser parser = CsvDialect.parse(csv)) {
      Map<String, String> columns = columns(parser.getHeaderNames());
      int[] lineStarts = lineStarts(csv);
      List<GroupRecord> records = new ArrayList<>();
      for (CSVRecord record : parser) {
        records.add(new GroupRecord("line", lineOf(lineStarts, firstCharacter(csv, record.getCharacterPosition())),
            fields(record, columns)));
      }
      return records;
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw ApiError.malformed("the CSV cannot be read: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw ApiError.malformed("the CSV cannot be read: " + e.getCause().getMessage());
    } catch (IOException e) {
      throw ApiError.malformed("the CSV cannot be read: " + e.getMessage());
    }
  }

  /** Maps each header as written to its canonical key, refusing unknown columns. */
  private static Map<String, String> columns(List<String> headers) {
    Map<String, String> known = new HashMap<>();
    known.put("id", "id");
    PortraitJson.KEYS.stream().filter(key -> !key.equals("attributes"))
        .forEach(key -> known.put(key.toLowerCase(Locale.ROOT), key));
    Map<String, String> columns = new HashMap<>();
    for (String header : headers) {
      if (header.isBlank()) {
        continue;
      }
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith(ATTRIBUTE) && header.length() > ATTRIBUTE.length()) {
        columns.put(header, ATTRIBUTE + header.substring(ATTRIBUTE.length()));
      } else if (known.containsKey(lower)) {
        columns.put(header, known.get(lower));
      } else {
        throw ApiError.invalidRecords("line 1: unknown column '" + header + "'", new JsonArray().add(new JsonObject()
            .put("line", 1).put("field", header).put("message", "unknown column '" + header + "'; the columns are id, "
                + String.join(", ", known.values().stream().filter(k -> !k.equals("id")).sorted().toList())
                + " and attributes.NAME")));
      }
    }
    for (String required : List.of("id", "name")) {
      if (!columns.containsValue(required)) {
        throw ApiError.invalidRecords("line 1: the column '" + required + "' is missing", new JsonArray().add(
            new JsonObject().put("line", 1).put("field", required).put("message", "the column '" + required
                + "' is missing")));
      }
    }
    return columns;
  }

  private static JsonObject fields(CSVRecord record, Map<String, String> columns) {
    JsonObject fields = new JsonObject();
    for (Map.Entry<String, String> cell : record.toMap().entrySet()) {
      String key = columns.get(cell.getKey());
      String value = cell.getValue();
      if (key == null || value == null || value.isEmpty()) {
        continue;
      }
      if (key.startsWith(ATTRIBUTE)) {
        JsonObject attributes = fields.getJsonObject("attributes", new JsonObject());
        fields.put("attributes", attributes.put(key.substring(ATTRIBUTE.length()), value));
      } else if (LISTS.contains(key)) {
        fields.put(key, new JsonArray(Arrays.stream(value.split("[|;]")).map(String::strip)
            .filter(item -> !item.isEmpty()).toList()));
      } else if (NUMBERS.contains(key)) {
        fields.put(key, number(value));
      } else {
        fields.put(key, value);
      }
    }
    return fields;
  }

  /** A whole number as a Long, or the text as it was, for the portrait's check to name. */
  private static Object number(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return value;
    }
  }

  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Where a record's text starts: its reported position can lie before the empty lines skipped to reach it. */
  private static long firstCharacter(String text, long position) {
    int at = (int) position;
    while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
      at++;
    }
    return at;
  }

  private static int lineOf(int[] lineStarts, long position) {
    int index = Arrays.binarySearch(lineStarts, (int) position);
    return (index >= 0 ? index : -index - 2) + 1;
  }
}
