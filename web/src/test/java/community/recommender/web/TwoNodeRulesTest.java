package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import community.recommender.web.server.ServerConfig;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule change on one node reaches every node sharing its PostgreSQL, folder included. */
class TwoNodeRulesTest {
  private static final String EXTRA = """
      package playbook.extra
      import community.recommender.engine.model.*
      ruleflow-group "candidates"

      rule "Nudge posts up a little"
      when
          $c : Candidate( kind == ContentKind.POST )
      then
          insert( new ScoreAdjustment($c, 1, "A small nudge") );
      end
      """;

  @TempDir static Path temp;
  private static TestServer first;
  private static TestServer second;
  private static Path secondRules;
  private static String admin;

  @BeforeAll
  static void start() {
    Path firstData = temp.resolve("first");
    first = TestServer.start(new ServerConfig(0, firstData, null, TestServer.copyOfRules(temp.resolve("rules-1")),
        TestServer.SAMPLES, true).with(TestServer.UNLIMITED));
    secondRules = TestServer.copyOfRules(temp.resolve("rules-2"));
    second = TestServer.start(new ServerConfig(0, temp.resolve("second"), first.databaseUrl(), secondRules,
        TestServer.SAMPLES, false).with(TestServer.UNLIMITED));
    admin = TestServer.adminToken(firstData);
  }

  @AfterAll
  static void stop() {
    second.close();
    first.close();
  }

  @Test
  void aRuleChangeOnOneNode_isActivatedOnTheOther_andWrittenToItsFolder() {
    long before = version(second);

    long changed = new JsonObject(first.putText("/api/v1/rules/extra.drl", admin, EXTRA).body()).getLong("version");

    assertThat(changed).isGreaterThan(before);
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertThat(version(second)).isEqualTo(changed));
    assertThat(second.get("/api/v1/rules/extra.drl", admin).body()).isEqualTo(EXTRA);
    assertThat(secondRules.resolve("extra.drl")).exists();
  }

  @Test
  void aNodeStartingWithAStaleFolder_runsTheNewestVersion_insteadOfRollingEveryNodeBack() throws Exception {
    long changed = new JsonObject(first.putText("/api/v1/rules/stale-check.drl", admin,
        EXTRA.replace("playbook.extra", "playbook.stalecheck").replace("Nudge posts up a little", "Nudge again"))
        .body()).getLong("version");
    Path staleRules = TestServer.copyOfRules(temp.resolve("rules-stale"));

    try (TestServer third = TestServer.start(new ServerConfig(0, temp.resolve("third"), first.databaseUrl(),
        staleRules, TestServer.SAMPLES, false).with(TestServer.UNLIMITED))) {
      assertThat(version(third)).isEqualTo(changed);
      assertThat(staleRules.resolve("stale-check.drl")).exists();
    }
    assertThat(version(first)).isEqualTo(changed);
  }

  private static long version(TestServer server) {
    return new JsonObject(server.get("/api/v1/rules", admin).body()).getLong("version");
  }
}
