package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.server.ServerConfig;
import community.recommender.web.store.Futures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes of one deployment start at once against a new database: the schema and the first admin are made once. */
class TwoNodeStartTest {
  @TempDir Path dir;

  @Test
  void twoNodes_startingTogetherOnAnEmptyDatabase_bothComeUp() throws Exception {
    ExecutorService starters = Executors.newFixedThreadPool(2);
    List<TestServer> started = new ArrayList<>();
    try (TestDatabase database = TestDatabase.start()) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<TestServer>> nodes = new ArrayList<>();
      for (String node : List.of("a", "b")) {
        ServerConfig config = new ServerConfig(0, dir.resolve(node), database.url(),
            TestServer.copyOfRules(dir.resolve("rules-" + node)), TestServer.SAMPLES, false).with(TestServer.UNLIMITED);
        nodes.add(starters.submit(() -> {
          go.await();
          return TestServer.start(config);
        }));
      }
      go.countDown();
      for (Future<TestServer> node : nodes) {
        started.add(node.get(2, TimeUnit.MINUTES));
      }

      for (TestServer node : started) {
        assertThat(node.get("/health", null).statusCode()).isEqualTo(200);
      }
      long admins = Futures.await(database.pool().query("SELECT count(*) FROM tokens").execute())
          .iterator().next().getLong(0);
      assertThat(admins).as("one first admin token for the deployment").isEqualTo(1);
      assertThat(started.stream().filter(n -> n.output().contains("Created the first admin token"))).hasSize(1);
    } finally {
      started.forEach(TestServer::close);
      starters.shutdownNow();
    }
  }
}
