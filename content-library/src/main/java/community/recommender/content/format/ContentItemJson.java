package community.recommender.content.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import community.recommender.engine.model.ActivityDetails;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.ContentStatus;
import community.recommender.engine.model.OfferDetails;
import community.recommender.engine.model.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts content items to and from their JSON form, the shape editors write.
 *
 * <p>The same flat keys serve JSON uploads, Markdown front matter and storage: {@code id},
 * {@code kind}, {@code title}, {@code body}, {@code language}, {@code tags}, {@code interests},
 * {@code stages}, {@code regions}, {@code validFrom}, {@code validUntil}, {@code status},
 * {@code author}, {@code version}; for activities {@code format}, {@code startsAt},
 * {@code endsAt}, {@code capacity}; for offers {@code price}, {@code discount}, {@code currency},
 * {@code stock}, {@code perGroupLimit}, {@code groupBuyDeadline}.
 */
public final class ContentItemJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ContentItemJson() {}

  /** Reads an item from a JSON object such as {@link #toTree} writes. */
  public static ContentItem fromTree(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new ContentFormatException(null, "a content item must be a JSON object");
    }
    ContentKind kind = enumOf(ContentKind.class, node, "kind", null);
    ContentItem.Builder item =
        ContentItem.builder(requiredText(node, "id"), kind, requiredText(node, "title"))
            .body(optionalText(node, "body"))
            .language(requiredText(node, "language"))
            .tags(strings(node, "tags"))
            .interests(strings(node, "interests"))
            .stages(strings(node, "stages").stream().map(s -> stageOf(s)).toList())
            .regions(strings(node, "regions"))
            .validFrom(instant(node, "validFrom"))
            .validUntil(instant(node, "validUntil"))
            .status(enumOf(ContentStatus.class, node, "status", ContentStatus.DRAFT))
            .author(optionalText(node, "author"))
            .version(node.path("version").asInt(1));
    if (kind == ContentKind.ACTIVITY) {
      item.activity(new ActivityDetails(
          requiredText(node, "format"),
          instant(node, "startsAt"),
          instant(node, "endsAt"),
          integer(node, "capacity")));
    }
    if (kind == ContentKind.OFFER) {
      item.offer(new OfferDetails(
          decimal(node, "price"),
          decimal(node, "discount"),
          requiredText(node, "currency"),
          integer(node, "stock"),
          integer(node, "perGroupLimit"),
          instant(node, "groupBuyDeadline")));
    }
    return item.build();
  }

  /** Reads an item from JSON text. */
  public static ContentItem fromJson(String json) {
    try {
      return fromTree(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new ContentFormatException(null, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "malformed JSON: " + e.getOriginalMessage());
    }
  }

  /** Writes an item as a JSON object. */
  public static ObjectNode toTree(ContentItem item) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", item.getId());
    node.put("kind", item.getKind().name());
    node.put("title", item.getTitle());
    node.put("body", item.getBody());
    node.put("language", item.getLanguage());
    putStrings(node, "tags", item.getTags());
    putStrings(node, "interests", item.getInterests());
    putStrings(node, "stages", item.getStages().stream().map(Stage::name).toList());
    putStrings(node, "regions", item.getRegions());
    putInstant(node, "validFrom", item.getValidFrom());
    putInstant(node, "validUntil", item.getValidUntil());
    node.put("status", item.getStatus().name().toLowerCase(Locale.ROOT));
    if (item.getAuthor() != null) {
      node.put("author", item.getAuthor());
    }
    node.put("version", item.getVersion());
    ActivityDetails activity = item.getActivity();
    if (activity != null) {
      node.put("format", activity.getFormat());
      putInstant(node, "startsAt", activity.getStartsAt());
      putInstant(node, "endsAt", activity.getEndsAt());
      if (activity.getCapacity() != null) {
        node.put("capacity", activity.getCapacity());
      }
    }
    OfferDetails offer = item.getOffer();
    if (offer != null) {
      node.put("price", offer.getPrice());
      if (offer.getDiscount() != null) {
        node.put("discount", offer.getDiscount());
      }
      node.put("currency", offer.getCurrency());
      if (offer.getStock() != null) {
        node.put("stock", offer.getStock());
      }
      if (offer.getPerGroupLimit() != null) {
        node.put("perGroupLimit", offer.getPerGroupLimit());
      }
      putInstant(node, "groupBuyDeadline", offer.getGroupBuyDeadline());
    }
    return node;
  }

  /** Writes an item as JSON text. */
  public static String toJson(ContentItem item) {
    return toTree(item).toString();
  }

  private static String requiredText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.asText().isBlank()) {
      throw new ContentFormatException(field, field + " is required");
    }
    if (!value.isValueNode()) {
      throw new ContentFormatException(field, field + " must be text");
    }
    return value.asText().strip();
  }

  private static String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<String> strings(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new ContentFormatException(field, field + " must be a list");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isValueNode() || element.asText().isBlank()) {
        throw new ContentFormatException(field, field + " must hold non-empty text values");
      }
      values.add(element.asText().strip());
    }
    return values;
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode node, String field, E fallback) {
    String text = fallback == null ? requiredText(node, field) : optionalText(node, field);
    if (text == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ContentFormatException(field, field + " must be one of " + List.of(type.getEnumConstants())
          .toString().toLowerCase(Locale.ROOT) + ", not '" + text + "'");
    }
  }

  private static Stage stageOf(String text) {
    try {
      return Stage.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ContentFormatException("stages", "stages must be among " + List.of(Stage.values()) + ", not '" + text + "'");
    }
  }

  private static Instant instant(JsonNode node, String field) {
    String text = optionalText(node, field);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new ContentFormatException(field, field + " must be an ISO-8601 instant such as 2026-01-01T00:00:00Z, not '" + text + "'");
    }
  }

  private static Integer integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new ContentFormatException(field, field + " must be a whole number");
    }
    return value.intValue();
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw new ContentFormatException(field, field + " must be a number");
    }
    return value.decimalValue();
  }

  private static void putStrings(ObjectNode node, String field, List<String> values) {
    ArrayNode array = node.putArray(field);
    values.forEach(array::add);
  }

  private static void putInstant(ObjectNode node, String field, Instant value) {
    if (value != null) {
      node.put(field, value.toString());
    }
  }
}
