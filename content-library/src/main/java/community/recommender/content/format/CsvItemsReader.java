package community.recommender.content.format;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.recommender.engine.model.ContentItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads content items from CSV: a header row naming columns, then one item per row.
 *
 * <p>The columns are the keys of {@link ContentItemJson}, in any order, and any of them may be
 * left out. List columns ({@code tags}, {@code interests}, {@code stages}, {@code regions},
 * {@code media}) separate their values with {@code |}. Each problem names its row's line.
 */
public final class CsvItemsReader {
  /** Columns whose cells hold several values. */
  public static final List<String> LIST_COLUMNS = List.of("tags", "interests", "stages", "regions", "media");
  /** The columns a CSV file may have: every key an editor sets. */
  public static final List<String> COLUMNS = ContentItemJson.ALL_KEYS.stream()
      .filter(key -> !List.of("version", "createdAt", "updatedAt").contains(key)).toList();
  private static final List<String> WHOLE_NUMBERS = List.of("capacity", "stock", "perGroupLimit");
  private static final List<String> DECIMALS = List.of("price", "discount");
  private static final String SEPARATOR = "\\|";

  private final ContentValidator validator;
  private final int maxItems;

  public CsvItemsReader(ContentValidator validator, int maxItems) {
    this.validator = validator;
    this.maxItems = maxItems;
  }

  /** Reads {@code csv}; rows without an id get a generated one. */
  public ItemsRead read(String csv) {
    List<ContentItem> items = new ArrayList<>();
    List<ContentFormatException> problems = new ArrayList<>();
    try (CSVParser parser = CsvDialect.parse(csv)) {
      List<String> header = parser.getHeaderNames();
      if (header.isEmpty()) {
        return ItemsRead.failed(ContentFormatException.malformed(1, "the first line must name the columns, such as "
            + "id,kind,title,language"));
      }
      for (String column : header) {
        if (!COLUMNS.contains(column)) {
          problems.add(new ContentFormatException(Fault.INVALID, column, 1,
              "unknown column '" + column + "'; the columns are " + COLUMNS));
        }
      }
      if (!problems.isEmpty()) {
        return new ItemsRead(List.of(), problems);
      }
      Iterator<CSVRecord> rows = parser.iterator();
      int line = (int) parser.getCurrentLineNumber() + 1;
      while (rows.hasNext()) {
        CSVRecord row = rows.next();
        if (row.getRecordNumber() > maxItems) {
          return ItemsRead.failed(new ContentFormatException(Fault.TOO_LARGE, null, line,
              "a file may hold at most " + maxItems + " items"));
        }
        try {
          ContentItem item = ContentItemJson.fromTree(toTree(row));
          validator.check(item);
          items.add(item);
        } catch (ContentFormatException e) {
          problems.add(e.atLine(line));
        }
        line = (int) parser.getCurrentLineNumber() + 1;
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      String message = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
      return ItemsRead.failed(ContentFormatException.malformed(0, "malformed CSV: " + message));
    }
    return new ItemsRead(items, problems);
  }

  private static ObjectNode toTree(CSVRecord row) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    if (!row.isConsistent()) {
      throw ContentFormatException.malformed(0, "the row has " + row.size() + " cells but the header names "
          + row.getParser().getHeaderNames().size() + " columns");
    }
    for (Map.Entry<String, String> cell : row.toMap().entrySet()) {
      String column = cell.getKey();
      String value = cell.getValue() == null ? "" : cell.getValue().strip();
      if (value.isEmpty()) {
        continue;
      }
      if (LIST_COLUMNS.contains(column)) {
        var list = node.putArray(column);
        for (String element : value.split(SEPARATOR)) {
          if (!element.isBlank()) {
            list.add(element.strip());
          }
        }
      } else if (WHOLE_NUMBERS.contains(column) && value.matches("-?\\d{1,9}")) {
        node.put(column, Integer.parseInt(value));
      } else if (DECIMALS.contains(column) && value.matches("-?\\d+(\\.\\d+)?")) {
        node.put(column, new BigDecimal(value));
      } else {
        node.put(column, value);
      }
    }
    if (!node.hasNonNull("id")) {
      node.put("id", ContentIds.generate());
    }
    return node;
  }
}
