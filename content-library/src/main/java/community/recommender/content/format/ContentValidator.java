package community.recommender.content.format;

import community.recommender.engine.model.ActivityDetails;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.MediaAttachment;
import community.recommender.engine.model.OfferDetails;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what the parser cannot: identifiers, sizes, date order and numbers in range.
 *
 * <p>Parsing ({@link ContentItemJson}) already checks required fields and enum values; this adds
 * the rules that span fields or that protect the index and the chat tools downstream.
 */
public final class ContentValidator {
  /** Ids appear in URLs and file names: letters, digits and {@code . _ -}, starting with a letter or digit. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final Pattern REGION = Pattern.compile("[A-Z]{2}(-[A-Za-z0-9]+)*");
  private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  private static final Pattern MEDIA_NAME = Pattern.compile("[^/\\\\\\p{Cntrl}]{1,128}");
  /** The default limit on a body: 64 Ki characters, about 30 screens of chat. */
  public static final int DEFAULT_MAX_BODY_CHARS = 65_536;
  private static final int MAX_TITLE = 200;
  private static final int MAX_LABEL = 64;
  private static final int MAX_LABELS = 50;
  private static final int MAX_MEDIA = 20;

  private final int maxBodyChars;

  /** A validator that accepts bodies of up to {@code maxBodyChars} characters. */
  public ContentValidator(int maxBodyChars) {
    this.maxBodyChars = maxBodyChars;
  }

  /** Throws on the first rule {@code item} breaks. */
  public void check(ContentItem item) {
    if (!ID.matcher(item.getId()).matches()) {
      throw invalid("id", "id must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit, not '"
          + item.getId() + "'");
    }
    withoutNul("title", item.getTitle());
    withoutNul("body", item.getBody());
    if (item.getTitle().length() > MAX_TITLE) {
      throw invalid("title", "title must be at most " + MAX_TITLE + " characters, not " + item.getTitle().length());
    }
    if (item.getBody().length() > maxBodyChars) {
      throw new ContentFormatException(Fault.TOO_LARGE, "body", 0, "body must be at most " + maxBodyChars
          + " characters, not " + item.getBody().length());
    }
    if (!LANGUAGE.matcher(item.getLanguage()).matches()) {
      throw invalid("language", "language must be a language tag such as zh, en or zh-CN, not '"
          + item.getLanguage() + "'");
    }
    labels("tags", item.getTags());
    labels("interests", item.getInterests());
    labels("regions", item.getRegions());
    for (String region : item.getRegions()) {
      if (!REGION.matcher(region).matches()) {
        throw invalid("regions", "regions must be ISO 3166 codes, optionally refined, such as CN, CN-SH or"
            + " CN-SH-Shanghai, not '" + region + "'");
      }
    }
    ordered("validUntil", item.getValidFrom(), item.getValidUntil(), "validFrom");
    media(item.getMedia());
    if (item.getActivity() != null) {
      activity(item.getActivity());
    }
    if (item.getOffer() != null) {
      offer(item.getOffer());
    }
  }

  private static void activity(ActivityDetails activity) {
    if (!FORMAT.matcher(activity.getFormat()).matches()) {
      throw invalid("format", "format must be a lower-case word such as check-in, salon, lecture, live, game or"
          + " contest, not '" + activity.getFormat() + "'");
    }
    ordered("endsAt", activity.getStartsAt(), activity.getEndsAt(), "startsAt");
    if (activity.getCapacity() != null && activity.getCapacity() < 1) {
      throw invalid("capacity", "capacity must be at least 1, or left out when unlimited");
    }
  }

  private static void offer(OfferDetails offer) {
    if (offer.getPrice().signum() < 0) {
      throw invalid("price", "price must be 0 or more, not " + offer.getPrice().toPlainString());
    }
    BigDecimal discount = offer.getDiscount();
    if (discount != null && (discount.signum() <= 0 || discount.compareTo(BigDecimal.ONE) > 0)) {
      throw invalid("discount", "discount is the share of the price paid, above 0 and at most 1 (0.8 is 20% off),"
          + " not " + discount.toPlainString());
    }
    try {
      Currency.getInstance(offer.getCurrency());
    } catch (IllegalArgumentException e) {
      throw invalid("currency", "currency must be an ISO 4217 code such as CNY, USD or EUR, not '"
          + offer.getCurrency() + "'");
    }
    if (offer.getStock() != null && offer.getStock() < 0) {
      throw invalid("stock", "stock must be 0 or more");
    }
    if (offer.getPerGroupLimit() != null && offer.getPerGroupLimit() < 1) {
      throw invalid("perGroupLimit", "perGroupLimit must be at least 1");
    }
  }

  private static void media(List<MediaAttachment> media) {
    if (media.size() > MAX_MEDIA) {
      throw invalid("media", "an item may have at most " + MAX_MEDIA + " images");
    }
    Set<String> names = new HashSet<>();
    for (MediaAttachment attachment : media) {
      String name = fileName(attachment.name());
      if (!MEDIA_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
        throw invalid("media", "'" + attachment.name() + "' is not a usable image file name");
      }
      if (!names.add(name)) {
        throw invalid("media", "two images are named '" + name + "'");
      }
    }
  }

  /** The last segment of a media reference such as {@code images/roses.jpg}: the name it is stored under. */
  public static String fileName(String reference) {
    int slash = Math.max(reference.lastIndexOf('/'), reference.lastIndexOf('\\'));
    return reference.substring(slash + 1);
  }

  private static void labels(String field, List<String> values) {
    if (values.size() > MAX_LABELS) {
      throw invalid(field, field + " may hold at most " + MAX_LABELS + " values");
    }
    for (String value : values) {
      withoutNul(field, value);
      if (value.length() > MAX_LABEL) {
        throw invalid(field, field + " values must be at most " + MAX_LABEL + " characters: '" + value + "'");
      }
    }
  }

  /** NUL cannot be stored in PostgreSQL text, and no chat shows it: refused wherever text is free. */
  private static void withoutNul(String field, String value) {
    if (value != null && value.indexOf('\0') >= 0) {
      throw invalid(field, field + " must not contain the NUL character (U+0000)");
    }
  }

  private static void ordered(String field, Instant from, Instant until, String fromField) {
    if (from != null && until != null && !until.isAfter(from)) {
      throw invalid(field, field + " (" + until + ") must be after " + fromField + " (" + from + ")");
    }
  }

  private static ContentFormatException invalid(String field, String message) {
    return new ContentFormatException(Fault.INVALID, field, 0, message);
  }
}
