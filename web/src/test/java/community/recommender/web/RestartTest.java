package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart on the same data dir keeps the data and the token, and adds no demo twice. */
class RestartTest {
  @TempDir Path dataDir;

  @Test
  void restartWithDemo_keepsGroupsAndToken_andDuplicatesNothing() {
    String groupsBefore;
    String token;
    try (TestServer first = TestServer.startEmbedded(dataDir)) {
      token = TestServer.adminToken(dataDir);
      groupsBefore = first.get("/api/v1/groups", token).body();
      assertThat(first.put("/api/v1/groups/added-later", token, "{\"name\": \"Added later\"}").statusCode())
          .isEqualTo(201);
    }

    try (TestServer second = TestServer.startEmbedded(dataDir)) {
      assertThat(second.output()).doesNotContain("admin token").doesNotContain("Loaded the demo");
      assertThat(TestServer.adminToken(dataDir)).isEqualTo(token);

      JsonObject groupsAfter = new JsonObject(second.get("/api/v1/groups", token).body());
      assertThat(groupsAfter.getInteger("total")).isEqualTo(new JsonObject(groupsBefore).getInteger("total") + 1);
      assertThat(second.get("/api/v1/groups/added-later", token).statusCode()).isEqualTo(200);
      assertThat(second.get("/api/v1/groups/sh-coffee-lovers/suggestion", token).statusCode()).isEqualTo(200);
    }
  }
}
