package community.recommender.web.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.model.Platform;
import community.recommender.engine.model.Portrait;
import community.recommender.web.TestDatabase;
import community.recommender.web.store.Futures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A group's platform read alone, as a suggestion is rendered with it. */
class PgGroupStoreTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  private TestDatabase database;
  private PgGroupStore groups;

  @BeforeEach
  void start() {
    database = TestDatabase.start();
    database.migrate();
    groups = new PgGroupStore(database.pool(), CLOCK);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void platformOf_answersThePortraitsPlatform_asFindDoes() {
    Futures.await(groups.save("tg-1", Portrait.named("Telegram fans").platform(Platform.TELEGRAM).build()));
    Futures.await(groups.save("slack-1", Portrait.named("Slack team").platform(Platform.SLACK).build()));

    assertThat(Futures.await(groups.platformOf("tg-1"))).contains(Platform.TELEGRAM);
    assertThat(Futures.await(groups.platformOf("slack-1"))).contains(Platform.SLACK);
    assertThat(Futures.await(groups.platformOf("slack-1")))
        .isEqualTo(Futures.await(groups.find("slack-1", CLOCK.instant())).map(g -> g.getPortrait().getPlatform()));
  }

  @Test
  void platformOf_isEmptyForAnUnknownOrArchivedGroup() {
    Futures.await(groups.save("gone", Portrait.named("Gone").platform(Platform.DISCORD).build()));
    Futures.await(groups.archive("gone"));

    assertThat(Futures.await(groups.platformOf("gone"))).isEqualTo(Optional.empty());
    assertThat(Futures.await(groups.platformOf("never-was"))).isEqualTo(Optional.empty());
  }
}
