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
import community.recommender.engine.model.InstantRange;
import community.recommender.engine.model.MediaAttachment;
import community.recommender.engine.model.OfferDetails;
import community.recommender.engine.model.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Converts content items to and from their JSON form, the shape editors write.
 *
 * <p>The same flat keys serve JSON uploads, Markdown front matter and storage: {@code id},
 * {@code kind}, {@code title}, {@code body}, {@code language}, {@code tags}, {@code interests},
 * {@code stages}, {@code regions}, {@code validFrom}, {@code validUntil}, {@code status},
 * {@code author}, {@code media}, and the stored {@code version}, {@code createdAt} and {@code updatedAt}; for
 * activities {@code format}, {@code startsAt},
 * {@code endsAt}, {@code capacity}; for offers {@code price}, {@code discount}, {@code currency},
 * {@code stock}, {@code perGroupLimit}, {@code groupBuyDeadline}.
 */
public final class ContentItemJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  /** Fields where a bare date means the end of that day (UTC), so that the day itself is included. */
  private static final List<String> END_OF_DAY_FIELDS = List.of("validUntil", "endsAt", "groupBuyDeadline");

  /** The keys every item may have. */
  public static final List<String> COMMON_KEYS = List.of("id", "kind", "title", "body", "language", "tags",
      "interests", "stages", "regions", "validFrom", "validUntil", "status", "author", "media", "version",
      "createdAt", "updatedAt");
  /** The keys only activities have. */
  public static final List<String> ACTIVITY_KEYS = List.of("format", "startsAt", "endsAt", "capacity");
  /** The keys only offers have. */
  public static final List<String> OFFER_KEYS =
      List.of("price", "discount", "currency", "stock", "perGroupLimit", "groupBuyDeadline");
  /** Every key, in the order items are written. */
  public static final List<String> ALL_KEYS = Stream.of(COMMON_KEYS, ACTIVITY_KEYS, OFFER_KEYS)
      .flatMap(List::stream).toList();

  private ContentItemJson() {}

  /** Reads an item from a JSON object such as {@link #toTree} writes. */
  public static ContentItem fromTree(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw ContentFormatException.malformed(0, "a content item must be a JSON object");
    }
    checkKeys(node);
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
            .version(node.path("version").asInt(1))
            .media(media(node))
            .createdAt(instant(node, "createdAt"))
            .updatedAt(instant(node, "updatedAt"));
    if (kind == ContentKind.ACTIVITY) {
      item.activity(new ActivityDetails(
          requiredText(node, "format"),
          instant(node, "startsAt"),
          instant(node, "endsAt"),
          integer(node, "capacity")));
    } else {
      forbid(node, kind, ACTIVITY_KEYS, "activities");
    }
    if (kind == ContentKind.OFFER) {
      item.offer(new OfferDetails(
          requiredDecimal(node, "price"),
          decimal(node, "discount"),
          requiredText(node, "currency"),
          integer(node, "stock"),
          integer(node, "perGroupLimit"),
          instant(node, "groupBuyDeadline")));
    } else {
      forbid(node, kind, OFFER_KEYS, "offers");
    }
    return item.build();
  }

  /** Reads an item from JSON text. */
  public static ContentItem fromJson(String json) {
    try {
      return fromTree(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw ContentFormatException.malformed(e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "malformed JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * Reads an item as it was stored: keys this version does not know, or that no longer apply to the
   * item's kind, are left out rather than refused, so that a tightened rule never makes a stored item
   * unreadable.
   */
  public static ContentItem fromStored(String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw ContentFormatException.malformed(0, "malformed stored JSON: " + e.getOriginalMessage());
    }
    if (node instanceof ObjectNode object) {
      object.retain(ALL_KEYS);
      String kind = object.path("kind").asText("").toUpperCase(Locale.ROOT);
      if (!kind.equals(ContentKind.ACTIVITY.name())) {
        object.remove(ACTIVITY_KEYS);
      }
      if (!kind.equals(ContentKind.OFFER.name())) {
        object.remove(OFFER_KEYS);
      }
    }
    return fromTree(node);
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
    ArrayNode media = node.putArray("media");
    for (MediaAttachment attachment : item.getMedia()) {
      ObjectNode entry = media.addObject().put("name", attachment.name());
      if (attachment.mediaType() != null) {
        entry.put("type", attachment.mediaType());
      }
    }
    putInstant(node, "createdAt", item.getCreatedAt());
    putInstant(node, "updatedAt", item.getUpdatedAt());
    return node;
  }

  /** Writes an item as JSON text. */
  public static String toJson(ContentItem item) {
    return toTree(item).toString();
  }

  private static void checkKeys(JsonNode node) {
    node.fieldNames().forEachRemaining(key -> {
      if (!ALL_KEYS.contains(key)) {
        throw new ContentFormatException(key, "unknown field '" + key + "'; the fields are " + ALL_KEYS);
      }
    });
  }

  private static void forbid(JsonNode node, ContentKind kind, List<String> keys, String owners) {
    for (String key : keys) {
      JsonNode value = node.get(key);
      if (value != null && !value.isNull() && !(value.isTextual() && value.asText().isBlank())) {
        throw new ContentFormatException(key, key + " applies only to " + owners + ", not to a "
            + kind.name().toLowerCase(Locale.ROOT));
      }
    }
  }

  private static List<MediaAttachment> media(JsonNode node) {
    JsonNode value = node.get("media");
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new ContentFormatException("media", "media must be a list of image file names");
    }
    List<MediaAttachment> media = new ArrayList<>();
    for (JsonNode element : value) {
      if (element.isObject() && element.path("name").isTextual()) {
        JsonNode type = element.get("type");
        media.add(new MediaAttachment(element.get("name").asText().strip(),
            type == null || type.isNull() ? null : type.asText()));
      } else if (element.isTextual() && !element.asText().isBlank()) {
        media.add(new MediaAttachment(element.asText().strip(), null));
      } else {
        throw new ContentFormatException("media", "media must be a list of image file names");
      }
    }
    return media;
  }

  private static BigDecimal requiredDecimal(JsonNode node, String field) {
    BigDecimal value = decimal(node, field);
    if (value == null) {
      throw new ContentFormatException(field, field + " is required");
    }
    return value;
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
    String value = text.strip();
    try {
      if (DATE_ONLY.matcher(value).matches()) {
        LocalDate date = LocalDate.parse(value);
        return inRange(field, END_OF_DAY_FIELDS.contains(field)
            ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
            : date.atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      return inRange(field, Instant.parse(value));
    } catch (DateTimeParseException e) {
      throw new ContentFormatException(field, field + " must be an ISO-8601 instant such as 2026-01-01T00:00:00Z"
          + " or a date such as 2026-01-01, not '" + text + "'");
    }
  }

  private static Instant inRange(String field, Instant instant) {
    if (!InstantRange.contains(instant)) {
      throw new ContentFormatException(field, field + " must lie " + InstantRange.describe() + ", not " + instant);
    }
    return instant;
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
