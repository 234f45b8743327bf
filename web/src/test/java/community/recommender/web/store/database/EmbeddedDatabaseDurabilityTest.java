package community.recommender.web.store.database;

import community.recommender.web.store.Futures;
import community.recommender.web.store.database.Database;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL keeps the product's data, so it must not run with test-only shortcuts. */
class EmbeddedDatabaseDurabilityTest {
  @TempDir Path dataDir;

  @Test
  void acknowledgedWrites_areFlushedToDisk() {
    Vertx vertx = Vertx.vertx();
    try (Database database = Database.open(vertx, null, dataDir)) {
      assertThat(setting(database, "fsync")).isEqualTo("on");
      assertThat(setting(database, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(database, "full_page_writes")).isEqualTo("on");
    } finally {
      Futures.await(vertx.close());
    }
  }

  private static String setting(Database database, String name) {
    return Futures.await(database.pool().query("SHOW " + name).execute()).iterator().next().getString(0);
  }
}
