package community.recommender.content.format;

import java.io.IOException;
import java.io.StringReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * The one CSV dialect every import reads: RFC 4180 with a header line naming the columns, blank
 * lines skipped, cells trimmed, and a leading byte-order mark (as spreadsheet exports write) ignored.
 */
public final class CsvDialect {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setHeader()
      .setSkipHeaderRecord(true)
      .setIgnoreEmptyLines(true)
      .setTrim(true)
      .get();

  private CsvDialect() {}

  /** A parser over {@code text}, its header read; positions count from the text without its byte-order mark. */
  public static CSVParser parse(String text) throws IOException {
    return CSVParser.parse(new StringReader(ByteOrderMark.strip(text)), FORMAT);
  }
}
