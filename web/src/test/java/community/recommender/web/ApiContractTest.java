package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract check that every HTTP test's traffic goes through: it catches a drifted response and
 * an accepted request the document forbids, names the operation, status and JSON path, and is the
 * one the shared test clients use, so the hook cannot be silently off.
 */
class ApiContractTest {
  private static final ApiContract CONTRACT = ApiContract.SERVED;
  private static final Optional<String> JSON = Optional.of("application/json");
  private static final String GROUP = """
      {"id": "sh-coffee-lovers", "portrait": {"name": "Coffee"}, "activity": {"level": 3, "band": "QUIET"},
       "stage": "NEW", "startedAt": "2026-11-23T10:00:00Z", "createdAt": "2026-11-23T10:00:00Z"}""";

  @Test
  void aResponseAsDocumented_passes() {
    assertThat(CONTRACT.violations(get("/api/v1/groups/sh-coffee-lovers"), response(200, JSON, GROUP))).isEmpty();
  }

  @Test
  void aResponseMissingARequiredField_isCaught_withOperationStatusAndPath() {
    String drifted = GROUP.replace("\"stage\": \"NEW\",", "");

    assertThatThrownBy(() -> CONTRACT.enforce(get("/api/v1/groups/sh-coffee-lovers"), response(200, JSON, drifted)))
        .isInstanceOf(ContractViolation.class)
        .hasMessageContaining("getGroup 200: $: ")
        .hasMessageContaining("stage");
  }

  @Test
  void aNestedFieldOfTheWrongType_isCaught_atItsJsonPath() {
    String drifted = GROUP.replace("\"band\": \"QUIET\"", "\"band\": 7");

    assertThat(CONTRACT.violations(get("/api/v1/groups/sh-coffee-lovers"), response(200, JSON, drifted)))
        .anySatisfy(v -> assertThat(v).startsWith("getGroup 200: $.activity.band: "));
  }

  @Test
  void aStatusTheOperationDoesNotList_isCaught() {
    assertThat(CONTRACT.violations(get("/api/v1/groups/sh-coffee-lovers"),
        response(409, JSON, "{\"error\": {\"status\": 409, \"message\": \"no\"}}")))
        .anySatisfy(v -> assertThat(v).startsWith("getGroup 409: the document lists no 409"));
  }

  @Test
  void anUndocumentedMediaType_isCaught() {
    assertThat(CONTRACT.violations(get("/api/v1/content/spring/media/a.bmp"),
        response(200, Optional.of("image/bmp"), "BM")))
        .anySatisfy(v -> assertThat(v).startsWith("getContentMedia 200: Content-Type image/bmp is not among"));
  }

  @Test
  void anErrorBodyNotInTheErrorSchema_isCaught() {
    assertThat(CONTRACT.violations(get("/api/v1/groups/nobody"), response(404, JSON, "{\"message\": \"no group\"}")))
        .anySatisfy(v -> assertThat(v).startsWith("getGroup 404: $: "));
  }

  @Test
  void anAcceptedRequestTheDocumentForbids_isCaught_butARefusedOneIsNot() {
    ApiContract.Request extraField = new ApiContract.Request("PUT", URI.create("http://localhost/api/v1/groups/g1"),
        JSON, "{\"name\": \"G\", \"colour\": \"red\"}".getBytes(StandardCharsets.UTF_8));
    String refused = "{\"error\": {\"status\": 422, \"message\": \"unknown field\", \"field\": \"colour\"}}";

    assertThat(CONTRACT.violations(extraField, response(201, JSON, GROUP)))
        .anySatisfy(v -> assertThat(v).startsWith("putGroup request: $: "));
    assertThat(CONTRACT.violations(extraField, response(422, JSON, refused))).isEmpty();
  }

  @Test
  void anAcceptedQueryParameterOutOfRange_isCaught() {
    assertThat(CONTRACT.violations(get("/api/v1/groups/g1/suggestion?wait=61"), response(204, Optional.empty(), "")))
        .anySatisfy(v -> assertThat(v).startsWith("pollSuggestion request query parameter wait: $: "));
  }

  @Test
  void theCheckedClient_failsTheExchangeThatDrifted() throws Exception {
    HttpServer drifting = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    drifting.createContext("/api/v1/groups/", exchange -> {
      byte[] body = "{\"id\": \"g1\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    drifting.start();
    try {
      HttpClient client = ContractCheckedClient.wrap(HttpClient.newHttpClient());
      HttpRequest request = HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + drifting.getAddress().getPort() + "/api/v1/groups/g1")).build();

      assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(ContractViolation.class)
          .hasMessageContaining("GET /api/v1/groups/g1 answered 200")
          .hasMessageContaining("getGroup 200: $: ");
    } finally {
      drifting.stop(0);
    }
  }

  @Test
  void theTestServersClient_isTheCheckedOne() {
    assertThat(TestServer.HTTP).isInstanceOf(ContractCheckedClient.class);
  }

  private static ApiContract.Request get(String path) {
    return new ApiContract.Request("GET", URI.create("http://localhost" + path), Optional.empty(), new byte[0]);
  }

  private static ApiContract.Response response(int status, Optional<String> type, String body) {
    return new ApiContract.Response(status, type, body.getBytes(StandardCharsets.UTF_8));
  }
}
