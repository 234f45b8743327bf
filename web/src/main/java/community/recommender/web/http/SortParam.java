package community.recommender.web.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a list's {@code sort} query parameter: the name of a field to order by, with '-' first for
 * descending; anything else is 422 naming {@code sort} and listing what it takes.
 */
public final class SortParam {
  /** The longest {@code sort} value echoed back in an error. */
  private static final int ECHOED = 64;

  private SortParam() {}

  /**
   * A field and its direction as read.
   *
   * @param field what to order by
   * @param descending true when the value started with '-'
   */
  public record Sorting<F>(F field, boolean descending) {}

  /** The field {@code text} names among {@code fields}, each spelt as {@code spelling} gives; case does not matter. */
  public static <F extends Enum<F>> Sorting<F> read(String text, F[] fields, Function<F, String> spelling) {
    boolean descending = text.startsWith("-");
    String name = (descending ? text.substring(1) : text).toLowerCase(Locale.ROOT);
    return Arrays.stream(fields)
        .filter(f -> spelling.apply(f).toLowerCase(Locale.ROOT).equals(name))
        .findFirst()
        .map(f -> new Sorting<>(f, descending))
        .orElseThrow(() -> ApiError.invalid("sort", "sort must be one of "
            + Arrays.stream(fields).map(spelling).collect(Collectors.joining(", "))
            + ", each optionally preceded by '-' for descending, not '"
            + (text.length() > ECHOED ? text.substring(0, ECHOED) + "…" : text) + "'"));
  }
}
