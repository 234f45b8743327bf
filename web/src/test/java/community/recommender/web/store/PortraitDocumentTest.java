package community.recommender.web.store;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.model.Platform;
import community.recommender.engine.model.Portrait;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stored portrait stays readable whatever the API's checks have become since it was written. */
class PortraitDocumentTest {

  @Test
  void writtenPortrait_readsBackTheSame() {
    Portrait portrait = Portrait.named("Coffee").platform(Platform.WECOM).region("CN-SH").interests(List.of("coffee"))
        .timezone(ZoneId.of("Asia/Shanghai")).quietHours("22:00-08:00").memberCount(120).kocs(List.of("ann"))
        .build();

    Portrait read = PortraitDocument.read(PortraitDocument.write(portrait));

    assertThat(PortraitDocument.write(read)).isEqualTo(PortraitDocument.write(portrait));
  }

  @Test
  void storedPortrait_thatTheApiWouldNowRefuse_isStillRead() {
    JsonObject stored = new JsonObject().put("name", "Old").put("platform", "myspace").put("timezone", "Mars/Olympus")
        .put("memberCount", 10).put("retiredKey", true);

    Portrait read = PortraitDocument.read(stored);

    assertThat(read.getName()).isEqualTo("Old");
    assertThat(read.getPlatform()).isEqualTo(Platform.OTHER);
    assertThat(read.getTimezone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(read.getMemberCount()).isEqualTo(10);
  }
}
