package community.recommender.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI document as the judge of test traffic: each exchange is checked against the operation
 * it hit, its status, media type and JSON schema.
 *
 * <p>Every response is checked, except the console's static assets and CORS preflights ({@code OPTIONS}),
 * which the document leaves out; an {@code /api} path it does not list may only answer 404 with the
 * error schema, and a method it does not list 405. A request is checked only when the server
 * accepted it (a status below 400): tests send deliberately bad requests to see them refused, and
 * the refusal is what the response check then judges. Schemas are validated by networknt's json-schema-validator in the
 * OpenAPI 3.1 dialect, with formats asserted, against the document loaded under one base IRI so that
 * its {@code $ref}s resolve as written.
 */
final class ApiContract {
  private static final String BASE_IRI = "https://community-recommender.test/openapi.json";
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}/]+)}");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The document this project serves, from the classpath (the same file {@code GET /openapi.yaml} answers). */
  static final ApiContract SERVED = fromClasspath("/openapi.yaml");

  private final JsonNode document;
  private final List<Route> routes;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  /** One documented path, with the pattern its template matches. */
  private record Route(String template, Pattern pattern, List<String> names, JsonNode item) {}

  /** A request as sent: {@code body} is null when none was sent or it could not be read again. */
  record Request(String method, URI uri, Optional<String> contentType, byte[] body) {}

  /** A response as received: {@code body} is null when the test did not read it as text or bytes. */
  record Response(int status, Optional<String> contentType, byte[] body) {}

  private ApiContract(JsonNode document) {
    this.document = document;
    this.routes = routesOf(document);
    String text;
    try {
      text = JSON.writeValueAsString(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
        .pathType(PathType.JSON_PATH)
        .formatAssertionsEnabled(true)
        .build();
    this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
        builder -> builder.schemas(Map.of(BASE_IRI, text)).schemaRegistryConfig(config));
  }

  /** Reads an OpenAPI document in YAML from the classpath. */
  static ApiContract fromClasspath(String resource) {
    try (InputStream in = ApiContract.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no " + resource + " on the classpath");
      }
      return new ApiContract(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks one exchange and throws {@link ContractViolation} naming the operation, the status and each
   * JSON path at fault when it disagrees with the document.
   */
  void enforce(Request request, Response response) {
    List<String> violations = violations(request, response);
    if (!violations.isEmpty()) {
      throw new ContractViolation(request.method() + " " + request.uri().getRawPath() + " answered "
          + response.status() + ", which disagrees with openapi.yaml:\n  " + String.join("\n  ", violations)
          + excerpt(response.body()));
    }
  }

  /** What is wrong with the exchange, each as {@code "operationId status: $.path: problem"}; empty when nothing is. */
  List<String> violations(Request request, Response response) {
    String path = request.uri().getRawPath();
    Optional<Matched> matched = match(path);
    if (matched.isEmpty()) {
      return path.startsWith("/api/") ? undocumentedPath(request, response) : List.of();
    }
    String method = request.method().toLowerCase(Locale.ROOT);
    JsonNode item = matched.get().route().item();
    JsonNode operation = item.path(method);
    if (operation.isMissingNode() && method.equals("head")) {
      operation = item.path("get");
    }
    if (operation.isMissingNode()) {
      return method.equals("options") ? List.of() : undocumentedMethod(request, response, matched.get().route());
    }
    String name = operation.path("operationId").asText(method.toUpperCase(Locale.ROOT) + " " + matched.get().route().template());
    List<String> violations = new ArrayList<>();
    checkResponse(name, operation, request, response, violations);
    if (response.status() < 400) {
      checkRequest(name, item, operation, matched.get(), request, violations);
    }
    return violations;
  }

  private List<String> undocumentedPath(Request request, Response response) {
    List<String> violations = new ArrayList<>();
    String label = request.method() + " " + request.uri().getRawPath() + " (not in the document) " + response.status();
    if (response.status() != 404 && response.status() != 401) {
      violations.add(label + ": a path the document does not list may only answer 404 (or 401 before it looks)");
    }
    checkErrorBody(label, response, violations);
    return violations;
  }

  private List<String> undocumentedMethod(Request request, Response response, Route route) {
    List<String> violations = new ArrayList<>();
    String label = request.method() + " " + route.template() + " (not in the document) " + response.status();
    if (response.status() != 405 && response.status() != 401) {
      violations.add(label + ": a method the document does not list for this path must answer 405");
    }
    checkErrorBody(label, response, violations);
    return violations;
  }

  /** The start of a body, for a failure message. */
  private static String excerpt(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    String text = new String(body, StandardCharsets.UTF_8);
    return "\n  the body: " + (text.length() > 600 ? text.substring(0, 600) + "…" : text);
  }

  private void checkErrorBody(String label, Response response, List<String> violations) {
    if (response.body() == null || response.body().length == 0) {
      return;
    }
    if (!isJson(mediaType(response.contentType()))) {
      violations.add(label + ": an error must be JSON, not " + response.contentType().orElse("untyped"));
      return;
    }
    parse(label, response.body(), violations).ifPresent(body ->
        violations.addAll(validate(label, "/components/schemas/Error", body)));
  }

  private void checkResponse(String name, JsonNode operation, Request request, Response response,
      List<String> violations) {
    String label = name + " " + response.status();
    JsonNode responses = operation.path("responses");
    String status = Integer.toString(response.status());
    JsonNode documented = responses.path(status);
    if (documented.isMissingNode()) {
      documented = responses.path(status.charAt(0) + "XX");
    }
    if (documented.isMissingNode()) {
      documented = responses.path("default");
    }
    if (documented.isMissingNode()) {
      violations.add(label + ": the document lists no " + status + " for this operation (it lists "
          + fieldNames(responses) + ")");
      return;
    }
    JsonNode content = resolve(documented).path("content");
    boolean hasBody = response.body() != null && response.body().length > 0;
    boolean bodiless = request.method().equalsIgnoreCase("HEAD") || response.status() == 204 || response.status() == 304;
    if (content.isMissingNode() || content.isEmpty()) {
      if (hasBody) {
        violations.add(label + ": answered a body (" + response.contentType().orElse("untyped")
            + ") where the document lists none");
      }
      return;
    }
    if (bodiless || response.body() == null) {
      return;
    }
    String mediaType = mediaType(response.contentType());
    Optional<String> key = mediaTypeKey(content, mediaType);
    if (key.isEmpty()) {
      violations.add(label + ": Content-Type " + response.contentType().orElse("(none)") + " is not among "
          + fieldNames(content));
      return;
    }
    if (!hasBody) {
      violations.add(label + ": answered no body where the document lists " + fieldNames(content));
      return;
    }
    checkBody(label, content, key.get(), response.body(), violations);
  }

  private void checkRequest(String name, JsonNode item, JsonNode operation, Matched matched, Request request,
      List<String> violations) {
    String label = name + " request";
    Map<String, JsonNode> parameters = new LinkedHashMap<>();
    for (JsonNode declared : List.of(item.path("parameters"), operation.path("parameters"))) {
      for (JsonNode parameter : declared) {
        JsonNode resolved = resolve(parameter);
        parameters.put(resolved.path("in").asText() + ":" + resolved.path("name").asText(), parameter);
      }
    }
    for (Map.Entry<String, String> value : matched.values().entrySet()) {
      JsonNode parameter = parameters.get("path:" + value.getKey());
      if (parameter == null) {
        violations.add(label + ": path parameter " + value.getKey() + " is not documented");
      } else {
        checkParameter(label, parameter, value.getValue(), violations);
      }
    }
    Map<String, String> query = query(request.uri());
    for (Map.Entry<String, String> value : query.entrySet()) {
      JsonNode parameter = parameters.get("query:" + value.getKey());
      if (parameter == null) {
        violations.add(label + ": query parameter " + value.getKey() + " is not documented");
      } else {
        checkParameter(label, parameter, value.getValue(), violations);
      }
    }
    parameters.forEach((key, parameter) -> {
      JsonNode resolved = resolve(parameter);
      if (key.startsWith("query:") && resolved.path("required").asBoolean(false)
          && !query.containsKey(resolved.path("name").asText())) {
        violations.add(label + ": required query parameter " + resolved.path("name").asText() + " is missing");
      }
    });
    JsonNode requestBody = resolve(operation.path("requestBody"));
    boolean hasBody = request.body() != null && request.body().length > 0;
    if (requestBody.isMissingNode()) {
      if (hasBody) {
        violations.add(label + ": sent a body where the document takes none");
      }
      return;
    }
    if (request.body() == null) {
      return;
    }
    if (!hasBody) {
      if (requestBody.path("required").asBoolean(false)) {
        violations.add(label + ": the document requires a body and none was sent");
      }
      return;
    }
    JsonNode content = requestBody.path("content");
    Optional<String> key = mediaTypeKey(content, mediaType(request.contentType()));
    if (key.isEmpty()) {
      violations.add(label + ": Content-Type " + request.contentType().orElse("(none)") + " is not among "
          + fieldNames(content));
      return;
    }
    checkBody(label, content, key.get(), request.body(), violations);
  }

  private void checkParameter(String label, JsonNode parameter, String value, List<String> violations) {
    JsonNode resolved = resolve(parameter);
    JsonNode schema = resolve(resolved.path("schema"));
    if (schema.isMissingNode()) {
      return;
    }
    String where = label + " " + resolved.path("in").asText() + " parameter " + resolved.path("name").asText();
    JsonNode instance = JsonNodeFactory.instance.textNode(value);
    if (typeAllows(schema, "integer") || typeAllows(schema, "number")) {
      try {
        BigDecimal number = new BigDecimal(value);
        instance = number.scale() <= 0 ? JsonNodeFactory.instance.numberNode(number.toBigInteger())
            : JsonNodeFactory.instance.numberNode(number);
      } catch (NumberFormatException e) {
        violations.add(where + ": '" + value + "' is not a number");
        return;
      }
    } else if (typeAllows(schema, "boolean") && (value.equals("true") || value.equals("false"))) {
      instance = JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value));
    }
    violations.addAll(validate(where, pointerOf(resolved) + "/schema", instance));
  }

  private void checkBody(String label, JsonNode content, String key, byte[] body, List<String> violations) {
    if (!isJson(key)) {
      return;
    }
    JsonNode schema = content.path(key).path("schema");
    Optional<JsonNode> parsed = parse(label, body, violations);
    if (parsed.isEmpty() || schema.isMissingNode()) {
      return;
    }
    violations.addAll(validate(label, pointerOf(content, key) + "/schema", parsed.get()));
  }

  private Optional<JsonNode> parse(String label, byte[] body, List<String> violations) {
    try {
      return Optional.of(JSON.readTree(body));
    } catch (IOException e) {
      violations.add(label + ": the body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
      return Optional.empty();
    }
  }

  private List<String> validate(String label, String pointer, JsonNode instance) {
    Schema schema = schemas.computeIfAbsent(pointer,
        p -> registry.getSchema(SchemaLocation.of(BASE_IRI + "#" + encodeFragment(p))));
    List<String> violations = new ArrayList<>();
    for (Error error : schema.validate(instance)) {
      violations.add(label + ": " + error.getInstanceLocation() + ": " + error.getMessage());
    }
    return violations;
  }

  private String pointerOf(JsonNode container, String field) {
    return pointerOf(container) + "/" + escape(field);
  }

  /** The JSON pointer of a node of this document, found by identity. */
  private String pointerOf(JsonNode target) {
    String found = search(document, "", target);
    if (found == null) {
      throw new IllegalStateException("a node outside the document");
    }
    return found;
  }

  private static String search(JsonNode node, String pointer, JsonNode target) {
    if (node == target) {
      return pointer;
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String found = search(field.getValue(), pointer + "/" + escape(field.getKey()), target);
        if (found != null) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = search(node.get(i), pointer + "/" + i, target);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** Follows a local {@code $ref} to the node it names. */
  private JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref") && current.path("$ref").asText().startsWith("#")) {
      current = document.at(current.path("$ref").asText().substring(1));
    }
    return current;
  }

  private Optional<Matched> match(String path) {
    return routes.stream()
        .map(route -> {
          Matcher matcher = route.pattern().matcher(path);
          if (!matcher.matches()) {
            return null;
          }
          Map<String, String> values = new LinkedHashMap<>();
          for (int i = 0; i < route.names().size(); i++) {
            values.put(route.names().get(i), URLDecoder.decode(matcher.group(i + 1), StandardCharsets.UTF_8));
          }
          return new Matched(route, values);
        })
        .filter(java.util.Objects::nonNull)
        .min(Comparator.comparingInt((Matched m) -> m.route().names().size())
            .thenComparing(m -> -m.route().template().length()));
  }

  /** A path matched to its route, with the values of the template's parameters. */
  private record Matched(Route route, Map<String, String> values) {}

  private static List<Route> routesOf(JsonNode document) {
    List<Route> routes = new ArrayList<>();
    document.path("paths").fields().forEachRemaining(entry -> {
      String template = entry.getKey();
      StringBuilder regex = new StringBuilder();
      List<String> names = new ArrayList<>();
      Matcher parameter = TEMPLATE_PARAMETER.matcher(template);
      int last = 0;
      while (parameter.find()) {
        regex.append(Pattern.quote(template.substring(last, parameter.start()))).append("([^/]+)");
        names.add(parameter.group(1));
        last = parameter.end();
      }
      regex.append(Pattern.quote(template.substring(last)));
      routes.add(new Route(template, Pattern.compile(regex.toString()), names, entry.getValue()));
    });
    return routes;
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> values = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      values.put(name, value);
    }
    return values;
  }

  private static Optional<String> mediaTypeKey(JsonNode content, String mediaType) {
    if (content.has(mediaType)) {
      return Optional.of(mediaType);
    }
    String wildcard = mediaType.contains("/") ? mediaType.substring(0, mediaType.indexOf('/')) + "/*" : "";
    if (content.has(wildcard)) {
      return Optional.of(wildcard);
    }
    return content.has("*/*") ? Optional.of("*/*") : Optional.empty();
  }

  private static String mediaType(Optional<String> contentType) {
    return contentType.map(t -> t.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse("");
  }

  private static boolean isJson(String mediaType) {
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }

  private static boolean typeAllows(JsonNode schema, String type) {
    JsonNode declared = schema.path("type");
    if (declared.isArray()) {
      for (JsonNode t : declared) {
        if (t.asText().equals(type)) {
          return true;
        }
      }
      return false;
    }
    return declared.asText().equals(type);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String escape(String field) {
    return field.replace("~", "~0").replace("/", "~1");
  }

  /** Percent-encodes what a URI fragment may not hold, so that a JSON pointer with braces survives as an IRI. */
  private static String encodeFragment(String pointer) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : pointer.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (Character.isLetterOrDigit(c) && c < 128 || "/-._~".indexOf(c) >= 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }
}
