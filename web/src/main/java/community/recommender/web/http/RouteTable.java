package community.recommender.web.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The endpoints a router serves, as {@code METHOD /path/{param}} templates: for the metrics' route
 * label (never the raw path, whose ids would make a series per group) and for checking the OpenAPI
 * document against what is really routed.
 */
public final class RouteTable {
  /** The label of a request no endpoint matched. */
  public static final String UNMATCHED = "unmatched";
  private static final Pattern PARAM = Pattern.compile(":(\\w+)");

  private final List<Endpoint> endpoints;
  /** The template of each route that answered, by route; empty for a route that is no endpoint. */
  private final Map<Route, Optional<String>> templates = new ConcurrentHashMap<>();

  private RouteTable(List<Endpoint> endpoints) {
    this.endpoints = List.copyOf(endpoints);
  }

  /** Every route of {@code router} that names its methods; catch-all handlers such as authentication are left out. */
  public static RouteTable of(Router router) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Route route : router.getRoutes()) {
      if (!isEndpoint(route)) {
        continue;
      }
      String template = template(route.getPath());
      Pattern pattern = pattern(route.getPath());
      for (HttpMethod method : route.methods()) {
        endpoints.add(new Endpoint(method.name(), template, pattern));
      }
    }
    endpoints.sort(Comparator.comparing(Endpoint::template).thenComparing(Endpoint::method));
    return new RouteTable(endpoints);
  }

  /** Every endpoint as {@code "GET /api/v1/groups/{groupId}"}, sorted. */
  public List<String> endpoints() {
    return endpoints.stream().map(e -> e.method() + " " + e.template()).distinct().toList();
  }

  /**
   * The template of the route that answered: {@code current} when it is an endpoint (the usual case,
   * and the cheap one), else the first endpoint that serves {@code method} on {@code path} (after a
   * failure), else {@value #UNMATCHED}.
   */
  public String templateOf(Route current, String method, String path) {
    if (current != null) {
      // Asked once per route: reading a route's methods copies them.
      Optional<String> known = templates.computeIfAbsent(current,
          route -> isEndpoint(route) ? Optional.of(template(route.getPath())) : Optional.empty());
      if (known.isPresent()) {
        return known.get();
      }
    }
    return templateOf(method, path);
  }

  /** The template of the first endpoint that serves {@code method} on {@code path}, or {@value #UNMATCHED}. */
  public String templateOf(String method, String path) {
    for (Endpoint endpoint : endpoints) {
      if (endpoint.method().equals(method) && endpoint.pattern().matcher(path).matches()) {
        return endpoint.template();
      }
    }
    return UNMATCHED;
  }

  /**
   * The methods served on {@code path}, in alphabetical order; empty when no
   * endpoint has that path, whatever its method.
   */
  public List<String> methodsAt(String path) {
    Set<String> methods = new TreeSet<>();
    for (Endpoint endpoint : endpoints) {
      if (endpoint.pattern().matcher(path).matches()) {
        methods.add(endpoint.method());
      }
    }
    return List.copyOf(methods);
  }

  /** A route for given methods on one path: not a handler for many, such as authentication on {@code /api/*}. */
  private static boolean isEndpoint(Route route) {
    return route.methods() != null && !route.methods().isEmpty() && route.getPath() != null && route.isExactPath();
  }

  /** {@code /a/:id/b} is {@code /a/{id}/b}. */
  private static String template(String path) {
    return PARAM.matcher(path).replaceAll("{$1}");
  }

  /** {@code /a/:id/b} matches {@code /a/anything-but-a-slash/b}. */
  private static Pattern pattern(String path) {
    return Pattern.compile(Arrays.stream(path.split("/", -1))
        .map(segment -> segment.startsWith(":") ? "[^/]+" : Pattern.quote(segment))
        .collect(Collectors.joining("/")));
  }

  private record Endpoint(String method, String template, Pattern pattern) {}
}
