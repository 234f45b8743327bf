package community.recommender.content.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import community.recommender.engine.model.ContentItem;

/**
 * Reads a content item from Markdown with YAML front matter: the keys of {@link ContentItemJson}
 * between two {@code ---} lines, then the body.
 */
public final class MarkdownItemReader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String FENCE = "---";

  private MarkdownItemReader() {}

  /** Reads one item; the text after the front matter becomes its body. */
  public static ContentItem read(String markdown) {
    return read(markdown, null);
  }

  /** Reads one item, taking {@code idIfAbsent} as its id when the front matter names none. */
  public static ContentItem read(String markdown, String idIfAbsent) {
    String text = ByteOrderMark.strip(markdown);
    String[] lines = text.split("\\R", -1);
    if (lines.length == 0 || !lines[0].strip().equals(FENCE)) {
      throw ContentFormatException.malformed(1, "the file must start with a '---' line opening the front matter");
    }
    int close = -1;
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].strip().equals(FENCE)) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      throw ContentFormatException.malformed(lines.length, "the front matter has no closing '---' line");
    }
    String frontMatter = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, close));
    String body = String.join("\n", java.util.Arrays.copyOfRange(lines, close + 1, lines.length)).strip();
    JsonNode tree;
    try {
      tree = YAML.readTree(frontMatter);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr() + 1;
      throw ContentFormatException.malformed(line, "front matter is not valid YAML: " + e.getOriginalMessage());
    }
    if (tree == null || !tree.isObject()) {
      throw ContentFormatException.malformed(2, "the front matter must be a map of keys such as id, kind and title");
    }
    ObjectNode fields = (ObjectNode) tree;
    if (fields.has("body")) {
      throw new ContentFormatException(Fault.INVALID, "body", lineOf(lines, close, "body"),
          "the body is the Markdown after the front matter, not a front matter key");
    }
    fields.put("body", body);
    if (idIfAbsent != null && (!fields.hasNonNull("id") || fields.get("id").asText().isBlank())) {
      fields.put("id", idIfAbsent);
    }
    try {
      return ContentItemJson.fromTree(fields);
    } catch (ContentFormatException e) {
      throw e.atLine(lineOf(lines, close, e.field()));
    }
  }

  /** Reads and checks one item, placing a failed check on its front matter line. */
  public static ContentItem readChecked(String markdown, String idIfAbsent, ContentValidator validator) {
    ContentItem item = read(markdown, idIfAbsent);
    try {
      validator.check(item);
      return item;
    } catch (ContentFormatException e) {
      String[] lines = markdown.split("\\R", -1);
      int close = 1;
      while (close < lines.length && !lines[close].strip().equals(FENCE)) {
        close++;
      }
      throw e.atLine("body".equals(e.field()) ? close + 2 : lineOf(lines, close, e.field()));
    }
  }

  /** The line of {@code field}'s key in the front matter, or of the opening fence when absent. */
  private static int lineOf(String[] lines, int close, String field) {
    if (field != null) {
      for (int i = 1; i < close; i++) {
        if (lines[i].startsWith(field + ":")) {
          return i + 1;
        }
      }
    }
    return 1;
  }
}
