package community.recommender.web.store;

import community.recommender.engine.model.CommunityType;
import community.recommender.engine.model.Platform;
import community.recommender.engine.model.Portrait;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A group's portrait as a JSON document, the form it is stored in.
 *
 * <p>Reading is lenient on purpose: the API checks a portrait before it is stored, and a document
 * stored under older, looser checks must stay readable after they tighten. An unknown key is
 * ignored, and a value that no longer parses falls back to the portrait's default.
 */
public final class PortraitDocument {
  private PortraitDocument() {}

  /** Writes every key of the portrait. */
  public static JsonObject write(Portrait portrait) {
    JsonObject json = new JsonObject()
        .put("name", portrait.getName())
        .put("platform", portrait.getPlatform().name().toLowerCase(Locale.ROOT))
        .put("type", portrait.getType().name().toLowerCase(Locale.ROOT))
        .put("interests", new JsonArray(portrait.getInterests()))
        .put("region", portrait.getRegion())
        .put("language", portrait.getLanguage())
        .put("timezone", portrait.getTimezone().getId())
        .put("quietHours", portrait.getQuietHours())
        .put("memberCount", portrait.getMemberCount())
        .put("kocCount", portrait.getKocCount())
        .put("kocs", new JsonArray(portrait.getKocs()))
        .put("owner", portrait.getOwner())
        .put("labels", new JsonArray(portrait.getLabels()))
        .put("attributes", new JsonObject(new LinkedHashMap<>(portrait.getAttributes())));
    if (portrait.getStartedAt() != null) {
      json.put("startedAt", portrait.getStartedAt().toString());
    }
    return json;
  }

  /** Reads a stored portrait without judging it. */
  public static Portrait read(JsonObject json) {
    List<String> kocs = strings(json, "kocs");
    return Portrait.named(text(json, "name", ""))
        .platform(enumOf(Platform.class, text(json, "platform", null), Platform.OTHER))
        .type(enumOf(CommunityType.class, text(json, "type", null), CommunityType.INTEREST))
        .interests(strings(json, "interests"))
        .region(text(json, "region", null))
        .language(text(json, "language", "zh"))
        .timezone(zone(text(json, "timezone", null)))
        .quietHours(text(json, "quietHours", null))
        .memberCount(count(json, "memberCount"))
        .owner(text(json, "owner", null))
        .labels(strings(json, "labels"))
        .attributes(attributes(json))
        .startedAt(instant(text(json, "startedAt", null)))
        .kocs(kocs)
        .kocCount(Math.max(json.getValue("kocCount") == null ? kocs.size() : count(json, "kocCount"), kocs.size()))
        .build();
  }

  private static String text(JsonObject json, String key, String fallback) {
    return json.getValue(key) instanceof String text && !text.isBlank() ? text.strip() : fallback;
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static int count(JsonObject json, String key) {
    return json.getValue(key) instanceof Number number ? (int) Math.max(0, Math.min(Integer.MAX_VALUE,
        number.longValue())) : 0;
  }

  private static List<String> strings(JsonObject json, String key) {
    List<String> values = new ArrayList<>();
    if (json.getValue(key) instanceof JsonArray array) {
      for (Object element : array) {
        if (element instanceof String text && !text.isBlank()) {
          values.add(text.strip());
        }
      }
    }
    return values;
  }

  private static Map<String, String> attributes(JsonObject json) {
    Map<String, String> attributes = new LinkedHashMap<>();
    if (json.getValue("attributes") instanceof JsonObject map) {
      for (Map.Entry<String, Object> entry : map) {
        if (!entry.getKey().isBlank() && entry.getValue() instanceof String text) {
          attributes.put(entry.getKey(), text);
        }
      }
    }
    return attributes;
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String text, E fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }

  private static ZoneId zone(String text) {
    if (text == null) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }
}
