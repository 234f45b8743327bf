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
    String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
    String[] lines = text.split("\\R", -1);
    if (lines.length == 0 || !lines[0].strip().equals(FENCE)) {
      throw new ContentFormatException(null, 1, "the file must start with a '---' line opening the front matter");
    }
    int close = -1;
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].strip().equals(FENCE)) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      throw new ContentFormatException(null, lines.length, "the front matter has no closing '---' line");
    }
    String frontMatter = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, close));
    String body = String.join("\n", java.util.Arrays.copyOfRange(lines, close + 1, lines.length)).strip();
    JsonNode tree;
    try {
      tree = YAML.readTree(frontMatter);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr() + 1;
      throw new ContentFormatException(null, line, "front matter is not valid YAML: " + e.getOriginalMessage());
    }
    if (tree == null || !tree.isObject()) {
      throw new ContentFormatException(null, 2, "the front matter must be a map of keys such as id, kind and title");
    }
    ObjectNode fields = (ObjectNode) tree;
    fields.put("body", body);
    try {
      return ContentItemJson.fromTree(fields);
    } catch (ContentFormatException e) {
      throw new ContentFormatException(e.field(), lineOf(lines, close, e.field()), e.getMessage());
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
