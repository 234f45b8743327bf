package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract as a client author meets it: the reference chat-tool client and the console's API
 * calls go through a Prism proxy ({@code --errors}) in front of a real server with the demo data, and
 * Prism finds no request or response that disagrees with openapi.yaml.
 */
class ContractProxyIT {
  private static final Path CLIENT = Path.of("..", "examples", "chat_tool_client.py").toAbsolutePath().normalize();

  @TempDir static Path dataDir;
  private static TestServer server;
  private static PrismProxy prism;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dataDir);
    prism = PrismProxy.inFrontOf(server.url());
  }

  @AfterAll
  static void stop() throws Exception {
    if (prism != null) {
      prism.close();
    }
    server.close();
  }

  @Test
  void referenceChatToolClient_throughPrism_meetsNoViolation() throws Exception {
    String bot = server.createToken(TestServer.adminToken(dataDir), "bot");
    int mark = prism.logged();

    Run run = run(List.of("python3", CLIENT.toString(), "--server", prism.url(), "--token", bot, "--once",
        "--give-up-after", "30"));

    assertThat(run.exit()).as(run.output() + prism.log()).isZero();
    assertThat(run.output()).as("the client posted at least one suggestion, then reported it")
        .containsPattern("(?m)^\\[[^\\]]+] ");
    assertThat(run.output()).doesNotContain("feedback answered");
    assertThat(prism.violationsSince(mark)).as(prism.log()).isEmpty();
  }

  @Test
  void consoleApiCalls_throughPrism_meetNoViolation() throws Exception {
    int mark = prism.logged();
    Run run = run(List.of("node", PrismProxy.TOOLS.resolve("console-calls.mjs").toString(), prism.url(),
        TestServer.adminToken(dataDir)));

    assertThat(run.exit()).as(run.output() + prism.log()).isZero();
    assertThat(run.output()).contains("console calls answered 2xx");
    assertThat(prism.violationsSince(mark)).as(prism.log()).isEmpty();
  }

  private static Run run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
    return new Run(process.exitValue(), output);
  }

  private record Run(int exit, String output) {}
}
