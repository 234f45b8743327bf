package community.recommender.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.store.Caller;
import community.recommender.web.store.Role;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AccessLogLineTest {
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T10:00:01.532987Z"));
  private final List<String> lines = new ArrayList<>();
  private final AccessLog log = new AccessLog(new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }, lines::add);

  @Test
  void line_givesTheTimeToTheMillisecondAndTheDurationToATenth() {
    log.log(new Caller("t1", "wecom sidebar", Role.BOT, List.of()), 200, "poll-1", "GET",
        "/api/v1/groups/{groupId}/suggestion", 3_449_999);

    assertThat(lines).containsExactly("{\"time\":\"2026-11-23T10:00:01.532Z\",\"requestId\":\"poll-1\","
        + "\"method\":\"GET\",\"route\":\"/api/v1/groups/{groupId}/suggestion\",\"status\":200,"
        + "\"durationMs\":3.4,\"tokenName\":\"wecom sidebar\",\"role\":\"bot\"}");
  }

  @Test
  void line_keepsEachSecondApartAndPadsItsMilliseconds() {
    log.log(null, 401, "a", "GET", "/x", 0);
    now.set(Instant.parse("2026-11-23T10:00:02Z"));
    log.log(null, 401, "b", "GET", "/x", 49_999);
    now.set(Instant.parse("2026-11-23T10:00:02.007Z"));
    log.log(null, 401, "c", "GET", "/x", 1_250_000_000L);

    assertThat(lines).extracting(line -> new JsonObject(line).getString("time"))
        .containsExactly("2026-11-23T10:00:01.532Z", "2026-11-23T10:00:02.000Z", "2026-11-23T10:00:02.007Z");
    assertThat(lines).extracting(line -> new JsonObject(line).getDouble("durationMs"))
        .containsExactly(0.0, 0.0, 1250.0);
    assertThat(new JsonObject(lines.get(0)).getValue("tokenName")).isNull();
  }

  @Test
  void line_escapesATokenNameThatNeedsIt() {
    String name = "ops \"night\" \\ shift\n班组";
    log.log(new Caller("t1", name, Role.OPERATOR, List.of()), 200, "a", "GET", "/x", 0);

    JsonObject line = new JsonObject(lines.get(0));
    assertThat(line.getString("tokenName")).isEqualTo(name);
    assertThat(line.getString("role")).isEqualTo("operator");
    assertThat(lines.get(0)).doesNotContain("\n");
  }
}
