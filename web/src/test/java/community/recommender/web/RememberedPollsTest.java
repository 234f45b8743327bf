package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.server.ServerConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Polls answered from memory before the router: the router's own answer, byte for byte, and only
 * when every check the router makes passes; anything else is the router's to answer.
 *
 * <p>The servers' clocks stand still, so a token the router confirmed stays remembered (for a
 * second of the server's time) however slowly the machine runs the test.
 */
class RememberedPollsTest {
  private static final String FROM_MEMORY = "recommender_polls_from_memory_total";
  private static final Clock STANDING = Clock.fixed(TestServer.START, ZoneOffset.UTC);

  @RegisterExtension static final ServerPerClass server = ServerPerClass.withDemo().on(STANDING);
  private static String admin;

  @BeforeAll
  static void tokens() {
    admin = server.admin();
  }

  @Test
  void aLookAtARememberedPendingSuggestion_isAnsweredFromMemory_withTheRoutersStatusHeadersAndBody() {
    String operator = server.createToken(admin, "operator");
    String path = "/api/v1/groups/sh-coffee-lovers/suggestion";
    assertThat(server.get(path, operator).statusCode()).as("the first look decides").isEqualTo(200);
    HttpResponse<String> routed = server.get(path, operator);
    double before = counter(server, FROM_MEMORY);

    HttpResponse<String> remembered = server.get(path, operator);

    assertThat(counter(server, FROM_MEMORY)).isEqualTo(before + 1);
    assertThat(remembered.statusCode()).isEqualTo(200);
    assertThat(remembered.body()).isEqualTo(routed.body());
    assertThat(headersBut(remembered, "x-request-id")).isEqualTo(headersBut(routed, "x-request-id"));
    assertThat(remembered.headers().firstValue("x-request-id")).isPresent();
  }

  @Test
  void aHeldBotPoll_isAnsweredFromMemory_with204AndTheSameHold() {
    String bot = server.createToken(admin, "bot");
    String path = "/api/v1/groups/ldn-tea-baking/suggestion";
    assertThat(server.get(path, bot).statusCode()).as("the first poll is handed the suggestion").isEqualTo(200);
    HttpResponse<String> routed = server.get(path, bot);
    assertThat(routed.statusCode()).as("pacing holds the group now").isEqualTo(204);
    double before = counter(server, FROM_MEMORY);

    HttpResponse<String> remembered = server.get(path, bot);

    assertThat(counter(server, FROM_MEMORY)).isEqualTo(before + 1);
    assertThat(remembered.statusCode()).isEqualTo(204);
    assertThat(remembered.headers().firstValue("x-next-suggestion-at"))
        .isEqualTo(routed.headers().firstValue("x-next-suggestion-at"));
    assertThat(Long.parseLong(remembered.headers().firstValue("retry-after").orElseThrow()))
        .isBetween(Long.parseLong(routed.headers().firstValue("retry-after").orElseThrow()) - 1,
            Long.parseLong(routed.headers().firstValue("retry-after").orElseThrow()));
    assertThat(headersBut(remembered, "x-request-id", "retry-after").keySet())
        .isEqualTo(headersBut(routed, "x-request-id", "retry-after").keySet());
  }

  @Test
  void pollsThatAskForMore_orFromTokensTheRouterRefuses_areLeftToTheRouter() {
    String operator = server.createToken(admin, "operator");
    String editor = server.createToken(admin, "editor");
    String bot = server.createToken(admin, "bot");
    String elsewhere = server.createToken(admin, "bot", "hz-parenting");
    String path = "/api/v1/groups/gz-flower-studio/suggestion";
    server.get(path, operator);
    String etag = server.get(path, operator).headers().firstValue("etag").orElseThrow();
    String held = "/api/v1/groups/ber-fitness/suggestion";
    server.get(held, bot);
    assertThat(server.get(held, bot).statusCode()).as("a hold this node remembers").isEqualTo(204);
    double before = counter(server, FROM_MEMORY);

    assertThat(server.get(path + "?explain=true", operator).body()).contains("\"explanation\"");
    assertThat(server.get(path, operator, "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(server.get(path, operator, "Origin", "https://console.example").statusCode()).isEqualTo(200);
    for (int twice = 0; twice < 2; twice++) {
      assertThat(server.get(path, editor).statusCode()).as("an editor may not poll").isEqualTo(403);
      assertThat(server.get(held, elsewhere).statusCode()).as("a bot of other groups").isEqualTo(403);
      assertThat(server.get(path, "no-such-token").statusCode()).isEqualTo(401);
    }

    assertThat(counter(server, FROM_MEMORY)).isEqualTo(before);
  }

  @Test
  void aTokenPastItsRateLimit_getsTheRouters429_andTheRefusedPollsCostNothingMore(@TempDir Path limitedDir) {
    ServerConfig config = new ServerConfig(0, limitedDir, null, TestServer.RULES, TestServer.SAMPLES, true)
        .with(new ServerConfig.Delivery(Duration.ofHours(6), 0.001, 3));
    try (TestServer limited = TestServer.startOn(config, STANDING)) {
      String operator = limited.createToken(TestServer.adminToken(limitedDir), "operator");
      String path = "/api/v1/groups/sh-coffee-lovers/suggestion";
      List<Integer> statuses = new ArrayList<>();
      for (int look = 0; look < 5; look++) {
        statuses.add(limited.get(path, operator).statusCode());
      }

      assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
      assertThat(counter(limited, FROM_MEMORY)).as("only the third look").isEqualTo(1);
    }
  }

  /** The answer's headers, names in lower case, without {@code except}. */
  private static Map<String, List<String>> headersBut(HttpResponse<String> response, String... except) {
    Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
    for (String name : except) {
      headers.remove(name);
    }
    return headers;
  }

  /** The value of the metric {@code name} on {@code node}'s {@code /metrics}. */
  private static double counter(HttpCalls node, String name) {
    return node.get("/metrics", null).body().lines().filter(line -> line.startsWith(name + " ")).findFirst()
        .map(line -> Double.parseDouble(line.substring(name.length() + 1))).orElseThrow();
  }
}
