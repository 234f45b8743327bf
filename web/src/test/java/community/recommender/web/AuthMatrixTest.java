package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.server.ServerConfig;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every route against every kind of caller: no token, an unknown one, a revoked one, each role, and
 * a bot limited to another group. A new route fails this test until it is added to {@link #ROLES}.
 */
class AuthMatrixTest {
  private static final String PUBLIC = "public";
  private static final String IN_SCOPE = "sh-coffee-lovers";
  private static final String OUT_OF_SCOPE = "bj-flowers-home";

  /** Who may call each endpoint; admins may call every one. */
  private static final Map<String, Set<String>> ROLES = new LinkedHashMap<>();

  static {
    ROLES.put("GET /health", Set.of(PUBLIC));
    ROLES.put("GET /health/live", Set.of(PUBLIC));
    ROLES.put("GET /health/ready", Set.of(PUBLIC));
    ROLES.put("GET /metrics", Set.of(PUBLIC));
    ROLES.put("GET /openapi.yaml", Set.of(PUBLIC));
    ROLES.put("GET /", Set.of(PUBLIC));
    ROLES.put("HEAD /", Set.of(PUBLIC));
    ROLES.put("GET /index.html", Set.of(PUBLIC));
    ROLES.put("HEAD /index.html", Set.of(PUBLIC));
    ROLES.put("GET /api/v1/session", Set.of("operator", "editor", "bot"));
    ROLES.put("GET /api/v1/groups", Set.of("operator", "bot"));
    ROLES.put("GET /api/v1/groups/{groupId}", Set.of("operator", "bot"));
    ROLES.put("PUT /api/v1/groups/{groupId}", Set.of("operator"));
    ROLES.put("DELETE /api/v1/groups/{groupId}", Set.of("operator"));
    ROLES.put("POST /api/v1/groups/{groupId}/activity", Set.of("operator", "bot"));
    ROLES.put("POST /api/v1/groups/{groupId}/sends", Set.of("operator", "bot"));
    ROLES.put("POST /api/v1/groups/import", Set.of("operator"));
    ROLES.put("POST /api/v1/groups/bulk", Set.of("operator"));
    ROLES.put("GET /api/v1/groups/{groupId}/suggestions", Set.of("operator"));
    ROLES.put("GET /api/v1/groups/{groupId}/suggestion", Set.of("operator", "bot"));
    ROLES.put("GET /api/v1/groups/{groupId}/silence", Set.of("operator"));
    ROLES.put("GET /api/v1/suggestions", Set.of("operator", "bot"));
    ROLES.put("POST /api/v1/suggestions/{suggestionId}/feedback", Set.of("operator", "bot"));
    ROLES.put("GET /api/v1/stats", Set.of("operator"));
    ROLES.put("POST /api/v1/tokens", Set.of("admin"));
    ROLES.put("GET /api/v1/tokens", Set.of("admin"));
    ROLES.put("DELETE /api/v1/tokens/{tokenId}", Set.of("admin"));
    ROLES.put("GET /api/v1/rules", Set.of("operator"));
    ROLES.put("GET /api/v1/rules/{file}", Set.of("operator"));
    ROLES.put("PUT /api/v1/rules/{file}", Set.of("operator"));
    ROLES.put("DELETE /api/v1/rules/{file}", Set.of("operator"));
    ROLES.put("POST /api/v1/rules/validate", Set.of("operator"));
    ROLES.put("POST /api/v1/rules/simulate", Set.of("operator"));
    ROLES.put("GET /api/v1/rules/versions", Set.of("operator"));
    ROLES.put("GET /api/v1/rules/versions/{version}", Set.of("operator"));
    ROLES.put("POST /api/v1/rules/versions/{version}/activate", Set.of("operator"));
    ROLES.put("GET /api/v1/content", Set.of("editor", "operator"));
    ROLES.put("POST /api/v1/content", Set.of("editor"));
    ROLES.put("POST /api/v1/content/uploads", Set.of("editor"));
    ROLES.put("GET /api/v1/content/gaps", Set.of("editor"));
    ROLES.put("POST /api/v1/groups/{groupId}/journey", Set.of("operator"));
    ROLES.put("POST /api/v1/journeys", Set.of("operator"));
    ROLES.put("POST /api/v1/experiments", Set.of("operator"));
    ROLES.put("GET /api/v1/experiments", Set.of("operator"));
    ROLES.put("GET /api/v1/experiments/{experimentId}", Set.of("operator"));
    ROLES.put("GET /api/v1/experiments/{experimentId}/groups", Set.of("operator"));
    ROLES.put("POST /api/v1/experiments/{experimentId}/stop", Set.of("operator"));
    ROLES.put("GET /api/v1/experiments/{experimentId}/report", Set.of("operator"));
    ROLES.put("GET /api/v1/content/{id}", Set.of("editor", "operator"));
    ROLES.put("PUT /api/v1/content/{id}", Set.of("editor"));
    ROLES.put("DELETE /api/v1/content/{id}", Set.of("editor"));
    ROLES.put("GET /api/v1/content/{id}/versions", Set.of("editor", "operator"));
    ROLES.put("GET /api/v1/content/{id}/media/{name}", Set.of("editor", "operator", "bot"));
    ROLES.put("GET /api/v1/content/{id}/performance", Set.of("editor", "operator"));
    ROLES.put("GET /api/v1/learning/shadow", Set.of("operator"));
  }

  /** Values for path parameters that exist (groups) or do no harm when acted on (everything else). */
  private static final Map<String, String> PARAMS = Map.of(
      "{groupId}", IN_SCOPE,
      "{suggestionId}", "00000000-0000-0000-0000-000000000000",
      "{tokenId}", "00000000-0000-0000-0000-000000000000",
      "{file}", "no-such-file.drl",
      "{version}", "999999",
      "{id}", "no-such-item",
      "{name}", "no-such-image.png",
      "{experimentId}", "no-such-experiment");

  @RegisterExtension static final ServerPerClass server = ServerPerClass.configured(folder ->
      new ServerConfig(0, folder.resolve("data"), null, TestServer.RULES, TestServer.SAMPLES, true)
          .with(new ServerConfig.Delivery(Duration.ofHours(6), 0, 1)));
  private static final Map<String, String> TOKENS = new LinkedHashMap<>();

  @BeforeAll
  static void tokens() {
    String admin = server.admin();
    TOKENS.put("admin", admin);
    for (String role : List.of("operator", "editor", "bot")) {
      TOKENS.put(role, server.createToken(admin, role));
    }
    TOKENS.put("scoped bot", server.createToken(admin, "bot", IN_SCOPE));
    HttpResponse<String> revoked = server.postJson("/api/v1/tokens", admin, "{\"role\": \"operator\"}");
    JsonObject token = new JsonObject(revoked.body());
    assertThat(server.delete("/api/v1/tokens/" + token.getString("id"), admin).statusCode()).isEqualTo(204);
    TOKENS.put("revoked", token.getString("token"));
    TOKENS.put("unknown", "cr_not-a-token-anyone-was-given");
    TOKENS.put("none", null);
  }

  @Test
  void theMatrix_coversEveryRoutedEndpoint() {
    assertThat(ROLES.keySet()).containsExactlyInAnyOrderElementsOf(server.endpoints());
  }

  @Test
  void everyEndpoint_againstEveryCaller_answers401Or403Exactly_whenItShould() {
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Set<String>> endpoint : ROLES.entrySet()) {
      for (Map.Entry<String, String> caller : TOKENS.entrySet()) {
        int expected = expected(endpoint.getKey(), endpoint.getValue(), caller.getKey());
        int status = call(endpoint.getKey(), caller.getKey(), caller.getValue()).statusCode();
        boolean right = expected == 0 ? status != 401 && status != 403 && status < 500 : status == expected;
        if (!right) {
          wrong.add(endpoint.getKey() + " as " + caller.getKey() + ": " + status + ", expected "
              + (expected == 0 ? "neither 401 nor 403" : expected));
        }
      }
    }

    assertThat(wrong).isEmpty();
  }

  /** 401, 403, or 0 for "let through". */
  private static int expected(String endpoint, Set<String> roles, String caller) {
    if (roles.contains(PUBLIC)) {
      return 0;
    }
    switch (caller) {
      case "none", "unknown", "revoked" -> {
        return 401;
      }
      case "scoped bot" -> {
        if (!roles.contains("bot")) {
          return 403;
        }
        return endpoint.contains("{groupId}") ? 403 : 0;
      }
      default -> {
        return caller.equals("admin") || roles.contains(caller) ? 0 : 403;
      }
    }
  }

  private static HttpResponse<String> call(String endpoint, String caller, String token) {
    String method = endpoint.substring(0, endpoint.indexOf(' '));
    String path = endpoint.substring(endpoint.indexOf(' ') + 1);
    for (Map.Entry<String, String> param : PARAMS.entrySet()) {
      String value = param.getKey().equals("{groupId}") && caller.equals("scoped bot") ? OUT_OF_SCOPE : param.getValue();
      path = path.replace(param.getKey(), value);
    }
    return switch (method) {
      case "GET" -> server.get(path, token);
      case "HEAD" -> server.head(path, token);
      case "DELETE" -> server.delete(path, token);
      case "PUT" -> path.endsWith(".drl") ? server.putText(path, token, "") : server.put(path, token, "{}");
      case "POST" -> server.postJson(path, token, "{}");
      default -> throw new IllegalArgumentException(method);
    };
  }
}
