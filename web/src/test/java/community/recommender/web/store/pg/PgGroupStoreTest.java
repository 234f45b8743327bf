package community.recommender.web.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.model.Platform;
import community.recommender.engine.model.Portrait;
import community.recommender.web.TestDatabase;
import community.recommender.web.store.Futures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A group's portrait read alone, as a rendering needs it: the live group's, none for an archived or unknown one. */
class PgGroupStoreTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  private TestDatabase database;
  private PgGroupStore groups;

  @BeforeEach
  void aSlackGroupAndAnArchivedTelegramGroup() {
    database = TestDatabase.start();
    database.migrate();
    groups = new PgGroupStore(database.pool(), CLOCK);
    Futures.await(groups.save("slack-tea", Portrait.named("Tea").platform(Platform.SLACK).build()));
    Futures.await(groups.save("telegram-gone", Portrait.named("Gone").platform(Platform.TELEGRAM).build()));
    Futures.await(groups.archive("telegram-gone"));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void portrait_isTheLiveGroupsOwn_andNoneForAnArchivedOrUnknownGroup() {
    assertThat(Futures.await(groups.portrait("slack-tea")).map(Portrait::getPlatform)).contains(Platform.SLACK);
    assertThat(Futures.await(groups.portrait("slack-tea")).map(Portrait::getName)).contains("Tea");
    assertThat(Futures.await(groups.portrait("telegram-gone"))).isEmpty();
    assertThat(Futures.await(groups.portrait("nobody"))).isEmpty();
  }
}
