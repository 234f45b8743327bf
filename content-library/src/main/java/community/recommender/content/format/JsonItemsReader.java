package community.recommender.content.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.recommender.engine.model.ContentItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads one content item, or an array of them, from JSON, placing each problem on its item's line. */
public final class JsonItemsReader {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final ContentValidator validator;
  private final int maxItems;

  public JsonItemsReader(ContentValidator validator, int maxItems) {
    this.validator = validator;
    this.maxItems = maxItems;
  }

  /** Reads {@code json}; items without an id get a generated one. */
  public ItemsRead read(String json) {
    List<ContentItem> items = new ArrayList<>();
    List<ContentFormatException> problems = new ArrayList<>();
    try (JsonParser parser = MAPPER.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_OBJECT) {
        readItem(parser, items, problems);
      } else if (first == JsonToken.START_ARRAY) {
        int count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          if (++count > maxItems) {
            return ItemsRead.failed(new ContentFormatException(Fault.TOO_LARGE, null, line(parser),
                "a file may hold at most " + maxItems + " items"));
          }
          readItem(parser, items, problems);
        }
      } else {
        return ItemsRead.failed(ContentFormatException.malformed(1, "expected a JSON object or an array of objects"));
      }
      if (parser.nextToken() != null) {
        return ItemsRead.failed(ContentFormatException.malformed(line(parser), "unexpected text after the JSON value"));
      }
    } catch (JsonProcessingException e) {
      return ItemsRead.failed(ContentFormatException.malformed(
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "malformed JSON: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ItemsRead(items, problems);
  }

  private void readItem(JsonParser parser, List<ContentItem> items, List<ContentFormatException> problems)
      throws IOException {
    int line = line(parser);
    JsonNode node = parser.readValueAsTree();
    if (node instanceof ObjectNode object && (!object.hasNonNull("id") || object.get("id").asText().isBlank())) {
      object.put("id", ContentIds.generate());
    }
    try {
      ContentItem item = ContentItemJson.fromTree(node);
      validator.check(item);
      items.add(item);
    } catch (ContentFormatException e) {
      problems.add(e.atLine(line));
    }
  }

  private static int line(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr();
  }
}
