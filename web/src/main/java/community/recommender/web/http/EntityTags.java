package community.recommender.web.http;

import io.vertx.core.http.HttpServerRequest;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entity tags of an {@code If-Match} or {@code If-None-Match} header, as RFC 9110 writes them:
 * {@code *}, or a list such as {@code "a", W/"b"}.
 *
 * <p>{@code If-None-Match} compares weakly (a {@code W/} tag matches its strong twin); {@code If-Match}
 * compares strongly (a weak tag matches nothing).
 */
public final class EntityTags {
  private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7e\\x80-\\xff]*)\"\\s*(,|$)");

  private final boolean any;
  private final Set<String> strong;
  private final Set<String> weak;

  private EntityTags(boolean any, Set<String> strong, Set<String> weak) {
    this.any = any;
    this.strong = Set.copyOf(strong);
    this.weak = Set.copyOf(weak);
  }

  /** The tags of header {@code name}; absent when the request has none; 400 naming the header when it is malformed. */
  public static EntityTags of(HttpServerRequest request, CharSequence name) {
    String header = request.getHeader(name);
    return header == null ? null : parse(name.toString(), header);
  }

  /** Parses {@code value}, the value of header {@code name}. */
  static EntityTags parse(String name, String value) {
    if (value.strip().equals("*")) {
      return new EntityTags(true, Set.of(), Set.of());
    }
    Set<String> strong = new LinkedHashSet<>();
    Set<String> weak = new LinkedHashSet<>();
    Matcher matcher = TAG.matcher(value);
    int at = 0;
    while (at < value.length() && matcher.find(at) && matcher.start() == at) {
      (matcher.group(1) == null ? strong : weak).add(matcher.group(2));
      at = matcher.end();
      if (matcher.group(3).isEmpty()) {
        break;
      }
    }
    if (at != value.length() || strong.isEmpty() && weak.isEmpty()) {
      throw ApiError.malformed(name + " must be * or a list of entity tags such as \"1\" or W/\"1\", not '"
          + value + "'");
    }
    return new EntityTags(false, strong, weak);
  }

  /** Whether this is {@code *}: any current representation matches. */
  public boolean any() {
    return any;
  }

  /** The strong tags, without quotes: those {@code If-Match} may match. */
  public Set<String> strong() {
    return strong;
  }

  /** Whether {@code opaque} (the tag without quotes) matches by weak comparison, as {@code If-None-Match} asks. */
  public boolean matchesWeakly(String opaque) {
    return any || strong.contains(opaque) || weak.contains(opaque);
  }

}
