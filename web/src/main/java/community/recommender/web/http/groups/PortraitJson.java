package community.recommender.web.http.groups;

import community.recommender.engine.model.CommunityType;
import community.recommender.engine.model.InstantRange;
import community.recommender.engine.model.Platform;
import community.recommender.engine.model.Portrait;
import community.recommender.web.http.ApiError;
import community.recommender.web.store.PortraitDocument;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads and writes a group's portrait, the public JSON of {@code PUT /api/v1/groups/{groupId}}.
 *
 * <p>Unknown keys are refused rather than ignored, so that a misspelt {@code memberCont} is
 * reported instead of silently leaving the member count at 0.
 */
public final class PortraitJson {
  /** The keys of a portrait, in the order they are written. */
  public static final List<String> KEYS = List.of("name", "platform", "type", "interests", "region", "language",
      "timezone", "quietHours", "memberCount", "kocCount", "kocs", "owner", "labels", "attributes", "startedAt");

  private static final Pattern QUIET_HOURS = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-3]):[0-5]\\d");
  private static final Pattern REGION = Pattern.compile("[A-Z]{2}(-[\\p{L}\\p{N}_]+)*");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

  private PortraitJson() {}

  /** Reads a portrait, failing with 422 and the field's name on the first bad value. */
  public static Portrait fromJson(JsonObject json) {
    for (String key : json.fieldNames()) {
      if (!KEYS.contains(key)) {
        throw ApiError.invalid(key, "unknown key '" + key + "'; a portrait has " + KEYS);
      }
    }
    String name = text(json, "name");
    if (name == null || name.isBlank()) {
      throw ApiError.invalid("name", "name is required");
    }
    if (name.strip().length() > GroupLimits.NAME) {
      throw ApiError.invalid("name", "name must be at most " + GroupLimits.NAME + " characters");
    }
    Portrait.Builder portrait = Portrait.named(name.strip())
        .platform(enumOf(Platform.class, json, "platform", Platform.OTHER))
        .type(enumOf(CommunityType.class, json, "type", CommunityType.INTEREST))
        .interests(strings(json, "interests", GroupLimits.TAGS, GroupLimits.TAG))
        .region(matching(json, "region", REGION, GroupLimits.REGION, "a region code such as CN-SH-Shanghai"))
        .language(Objects.requireNonNullElse(
            matching(json, "language", LANGUAGE, GroupLimits.LANGUAGE, "a language tag such as zh or en-GB"), "zh"))
        .timezone(zone(json))
        .quietHours(quietHours(json))
        .memberCount(count(json, "memberCount"))
        .owner(bounded(json, "owner", GroupLimits.OWNER))
        .labels(strings(json, "labels", GroupLimits.TAGS, GroupLimits.TAG))
        .attributes(attributes(json))
        .startedAt(instant(json, "startedAt"));
    List<String> kocs = strings(json, "kocs", GroupLimits.KOCS, GroupLimits.KOC).stream().distinct().toList();
    int kocCount = json.getValue("kocCount") == null ? kocs.size() : count(json, "kocCount");
    if (kocCount < kocs.size()) {
      throw ApiError.invalid("kocCount", "kocCount is " + kocCount + " but kocs lists " + kocs.size() + " members");
    }
    return portrait.kocs(kocs).kocCount(kocCount).build();
  }

  /** Writes a portrait with the same keys {@link #fromJson} reads. */
  public static JsonObject toJson(Portrait portrait) {
    return PortraitDocument.write(portrait);
  }

  /** An ISO-8601 instant with an offset, or a bare date (its start, UTC); null when absent. */
  private static Instant instant(JsonObject json, String field) {
    String text = text(json, field);
    if (text == null || text.isBlank()) {
      return null;
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        instant = LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException again) {
        throw ApiError.invalid(field, field + " must be a date such as 2025-03-01 or an instant such as "
            + "2025-03-01T09:00:00Z, not '" + text + "'");
      }
    }
    if (!InstantRange.contains(instant)) {
      throw ApiError.invalid(field, field + " must lie " + InstantRange.describe() + ", not " + instant);
    }
    return instant;
  }

  /** Text of at most {@code max} characters once stripped; null when absent or blank. */
  private static String bounded(JsonObject json, String field, int max) {
    String text = text(json, field);
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.strip().length() > max) {
      throw ApiError.invalid(field, field + " must be at most " + max + " characters, not " + text.strip().length());
    }
    return text.strip();
  }

  private static String text(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw ApiError.invalid(field, field + " must be a string");
    }
    return text;
  }

  private static String matching(JsonObject json, String field, Pattern pattern, int max, String what) {
    String text = bounded(json, field, max);
    if (text == null) {
      return null;
    }
    if (!pattern.matcher(text).matches()) {
      throw ApiError.invalid(field, field + " must be " + what + ", not '" + text + "'");
    }
    return text.strip();
  }

  private static int count(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return 0;
    }
    if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 0
        || ((Number) value).longValue() > Integer.MAX_VALUE) {
      throw ApiError.invalid(field, field + " must be a whole number of at least 0");
    }
    return ((Number) value).intValue();
  }

  /** A list of at most {@code most} non-empty strings, each at most {@code longest} characters once stripped. */
  private static List<String> strings(JsonObject json, String field, int most, int longest) {
    Object value = json.getValue(field);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw ApiError.invalid(field, field + " must be a list of strings");
    }
    if (array.size() > most) {
      throw ApiError.invalid(field, field + " may hold at most " + most + " values, not " + array.size());
    }
    List<String> values = new ArrayList<>();
    for (Object element : array) {
      if (!(element instanceof String text) || text.isBlank()) {
        throw ApiError.invalid(field, field + " must be a list of non-empty strings");
      }
      if (text.strip().length() > longest) {
        throw ApiError.invalid(field, field + " values must be at most " + longest + " characters each");
      }
      values.add(text.strip());
    }
    return values;
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, JsonObject json, String field, E fallback) {
    String text = text(json, field);
    if (text == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid(field, field + " must be one of "
          + List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT) + ", not '" + text + "'");
    }
  }

  private static ZoneId zone(JsonObject json) {
    String text = bounded(json, "timezone", GroupLimits.TIMEZONE);
    if (text == null) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(text.strip());
    } catch (DateTimeException e) {
      throw ApiError.invalid("timezone", "timezone must be an IANA zone such as Asia/Shanghai, not '" + text + "'");
    }
  }

  private static String quietHours(JsonObject json) {
    String text = text(json, "quietHours");
    if (text != null && !QUIET_HOURS.matcher(text.strip()).matches()) {
      throw ApiError.invalid("quietHours", "quietHours must look like 22:00-08:00, not '" + text + "'");
    }
    return text == null ? null : text.strip();
  }

  private static Map<String, String> attributes(JsonObject json) {
    Object value = json.getValue("attributes");
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof JsonObject map)) {
      throw ApiError.invalid("attributes", "attributes must be an object of strings");
    }
    if (map.size() > GroupLimits.ATTRIBUTES) {
      throw ApiError.invalid("attributes", "attributes may hold at most " + GroupLimits.ATTRIBUTES + " names, not "
          + map.size());
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : map) {
      if (entry.getKey().isBlank()) {
        throw ApiError.invalid("attributes", "attribute names must not be empty");
      }
      if (entry.getKey().length() > GroupLimits.ATTRIBUTE_NAME) {
        throw ApiError.invalid("attributes", "attribute names must be at most " + GroupLimits.ATTRIBUTE_NAME
            + " characters");
      }
      if (!(entry.getValue() instanceof String text)) {
        throw ApiError.invalid("attributes." + entry.getKey(), "attributes." + entry.getKey() + " must be a string");
      }
      if (text.length() > GroupLimits.ATTRIBUTE_VALUE) {
        throw ApiError.invalid("attributes." + entry.getKey(), "attributes." + entry.getKey() + " must be at most "
            + GroupLimits.ATTRIBUTE_VALUE + " characters");
      }
      attributes.put(entry.getKey(), text);
    }
    return attributes;
  }
}
