package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reference client's platform flows ({@code examples/platform_delivery.py}) against a real
 * server: WeCom's task, confirmation and result, and a Telegram send, through the local fakes of
 * those APIs in {@code examples/platform_fakes.py}.
 */
class PlatformDeliveryExampleTest {
  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  @RegisterExtension static final ServerPerClass server = ServerPerClass.withDemo();
  private static String admin;

  @BeforeAll
  static void tokens() {
    admin = server.admin();
  }

  @Test
  void exampleFlows_reportEachStep_andTheServerHoldsOrReleasesTheGroups() throws Exception {
    group("example-wecom-confirmed", "wecom");
    group("example-wecom-expiring", "wecom");
    group("example-telegram", "telegram");
    String bot = server.createToken(admin, "bot", "example-wecom-confirmed", "example-wecom-expiring",
        "example-telegram");

    ProcessBuilder tests = new ProcessBuilder("python3", "-m", "unittest", "-v", "test_platform_delivery")
        .directory(EXAMPLES.toFile()).redirectErrorStream(true);
    tests.environment().putAll(Map.of("RECOMMENDER_SERVER", server.baseUrl(), "RECOMMENDER_TOKEN", bot,
        "WECOM_CONFIRMED_GROUP", "example-wecom-confirmed", "WECOM_EXPIRING_GROUP", "example-wecom-expiring",
        "TELEGRAM_GROUP", "example-telegram"));
    Process process = tests.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("Ran 3 tests", "OK");
    assertThat(server.get("/api/v1/groups/example-wecom-confirmed/suggestion", admin).statusCode())
        .as("sent: pacing holds the group").isEqualTo(204);
    assertThat(server.get("/api/v1/groups/example-telegram/suggestion", admin).statusCode()).isEqualTo(204);
    assertThat(server.get("/api/v1/groups/example-wecom-expiring/suggestion", admin).statusCode())
        .as("expired: released").isEqualTo(200);
  }

  private static void group(String id, String platform) {
    assertThat(server.put("/api/v1/groups/" + id, admin, "{\"name\": \"" + id + "\", \"platform\": \"" + platform
        + "\", \"interests\": [\"coffee\"], \"region\": \"CN-SH-Shanghai\", \"language\": \"zh\"}").statusCode())
        .isEqualTo(201);
  }
}
